//! Markdown → HTML as Zola renders it (pulldown-cmark), with heading ids and a
//! table of contents. Raw HTML in content is shown as text, never passed through.

use std::collections::HashSet;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::slug::slugify;

#[derive(Clone, Debug, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
    pub permalink: String,
    pub children: Vec<Heading>,
}

pub struct Rendered {
    pub html: String,
    pub toc: Vec<Heading>,
    pub word_count: usize,
    /// Zola's `page.summary`: the HTML before `<!-- more -->`, if it has one.
    pub summary: Option<String>,
}

/// `config.toml`'s `[markdown]` switches that change what is rendered.
#[derive(Clone, Copy, Debug, Default)]
pub struct MarkdownOptions {
    pub smart_punctuation: bool,
    pub definition_list: bool,
}

/// Zola's parser options (components/markdown): always tables, footnotes,
/// strikethrough, task lists and `{#id}` heading attributes.
fn options(switches: &MarkdownOptions) -> Options {
    let mut options = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if switches.smart_punctuation {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    if switches.definition_list {
        options |= Options::ENABLE_DEFINITION_LIST;
    }
    options
}

/// Where Zola puts the summary's end; it keeps this anchor in the page.
const CONTINUE_READING: &str = "<span id=\"continue-reading\"></span>";

/// Zola's summary divider: `<!-- more -->`, any case and spacing.
fn is_more_divider(html: &str) -> bool {
    let squeezed: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    squeezed.contains("<!--more-->")
}

/// Renders `markdown` with Zola's default `[markdown]` settings.
pub fn render(
    markdown: &str,
    permalink: &str,
    internal_link: &dyn Fn(&str) -> Option<String>,
) -> Result<Rendered, String> {
    render_with(
        markdown,
        permalink,
        internal_link,
        &MarkdownOptions::default(),
    )
}

/// Renders `markdown`; Zola's internal links (`@/eksempler/x.md`) are resolved
/// with `internal_link`, and one that resolves to nothing is an error.
pub fn render_with(
    markdown: &str,
    permalink: &str,
    internal_link: &dyn Fn(&str) -> Option<String>,
    switches: &MarkdownOptions,
) -> Result<Rendered, String> {
    let mut events: Vec<Event> = Vec::new();
    let mut summary_at: Option<usize> = None;
    let mut headings: Vec<(u8, String, usize)> = Vec::new();
    let mut open_heading: Option<(u8, String, usize)> = None;
    let mut word_count = 0;
    // Inside a link or image whose address could run code: its text stays,
    // the link does not. Links do not nest, so one flag each suffices.
    let (mut in_unsafe_link, mut in_unsafe_image) = (false, false);
    for event in Parser::new_ext(markdown, options(switches)) {
        let event = match event {
            // The first divider ends the summary, as in Zola; it is no text.
            Event::Html(raw) | Event::InlineHtml(raw)
                if summary_at.is_none() && is_more_divider(&raw) =>
            {
                summary_at = Some(events.len());
                events.push(Event::Html(CowStr::Borrowed(CONTINUE_READING)));
                continue;
            }
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link { ref dest_url, .. }) if !is_safe_url(dest_url) => {
                in_unsafe_link = true;
                continue;
            }
            Event::End(TagEnd::Link) if in_unsafe_link => {
                in_unsafe_link = false;
                continue;
            }
            Event::Start(Tag::Image { ref dest_url, .. }) if !is_safe_url(dest_url) => {
                in_unsafe_image = true;
                continue;
            }
            Event::End(TagEnd::Image) if in_unsafe_image => {
                in_unsafe_image = false;
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with("@/") => {
                let content_path = &dest_url[2..];
                let (file, anchor) = content_path.split_once('#').unwrap_or((content_path, ""));
                let mut url = internal_link(file)
                    .ok_or_else(|| format!("link to @/{file}, which is not in content/"))?;
                if !anchor.is_empty() {
                    url = format!("{url}#{anchor}");
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(url),
                    title,
                    id,
                })
            }
            other => other,
        };
        match &event {
            Event::Start(Tag::Heading { level, .. }) => {
                open_heading = Some((heading_level(*level), String::new(), events.len()));
            }
            Event::Text(text) | Event::Code(text) => {
                word_count += text.split_whitespace().count();
                if let Some((_, title, _)) = open_heading.as_mut() {
                    title.push_str(text);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(open_heading.take()),
            _ => {}
        }
        events.push(event);
    }
    // As Zola: ids written in the text (`## Mål {#maal}`) are taken first,
    // then each other heading gets its slug, made unique with -1, -2 ….
    let mut used_ids: HashSet<String> = headings
        .iter()
        .filter_map(|(_, _, at)| match &events[*at] {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    let mut flat = Vec::new();
    for (level, title, at) in headings {
        let id = match &mut events[at] {
            Event::Start(Tag::Heading {
                id: Some(given), ..
            }) => given.to_string(),
            Event::Start(Tag::Heading { id: slot, .. }) => {
                let id = unique_id(&slugify(&title), &mut used_ids);
                *slot = Some(CowStr::from(id.clone()));
                id
            }
            _ => continue,
        };
        flat.push(Heading {
            level,
            permalink: format!("{permalink}#{id}"),
            id,
            title,
            children: Vec::new(),
        });
    }
    // Rendered apart, as Zola does, with footnote references taken out.
    let summary = summary_at.map(|at| {
        let mut html_summary = String::new();
        html::push_html(
            &mut html_summary,
            events[..at]
                .iter()
                .filter(|e| !matches!(e, Event::FootnoteReference(_)))
                .cloned(),
        );
        html_summary.truncate(html_summary.trim_end().len());
        html_summary
    });
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, events.into_iter());
    Ok(Rendered {
        html: html_out,
        toc: nest(flat),
        word_count,
        summary,
    })
}

/// Relative addresses and http(s), mailto and tel links are safe; any other
/// scheme (`javascript:`, `data:`, `vbscript:` …) could run code in a
/// reader's browser. Browsers ignore whitespace and control characters inside
/// a scheme ("java\tscript:"), so they are ignored here too.
fn is_safe_url(url: &str) -> bool {
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    match squeezed.find([':', '/', '?', '#']) {
        Some(at) if squeezed[at..].starts_with(':') => {
            matches!(&squeezed[..at], "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { "afsnit" } else { base };
    let mut id = base.to_string();
    let mut n = 1;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// Zola's toc: top-level headings with deeper ones as children.
fn nest(flat: Vec<Heading>) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    for heading in flat {
        match out.last_mut() {
            Some(parent) if heading.level > parent.level => parent.children.push(heading),
            _ => out.push(heading),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_that_could_run_code_keep_their_text_only() {
        let out = render(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](data:text/html,x) \
             ![d](vbscript:x) [e](https://example.org/) [f](../x/#y) [g](mailto:a@b.dk)",
            "/p/",
            &|_| None,
        )
        .expect("renders");
        for gone in ["javascript", "JaVa", "data:", "vbscript", "<img"] {
            assert!(!out.html.contains(gone), "{gone} in {}", out.html);
        }
        for kept in [
            "<p>a b c d ",
            "href=\"https://example.org/\"",
            "href=\"../x/#y\"",
            "href=\"mailto:a@b.dk\"",
        ] {
            assert!(out.html.contains(kept), "{kept} not in {}", out.html);
        }
        assert!(!is_safe_url(" java\tscript:alert(1)"));
    }

    #[test]
    fn raw_html_is_text_and_headings_get_ids() {
        let out = render(
            "## Mål og midler\n\n<script>alert(1)</script>\n\n### Mål og midler",
            "/p/",
            &|_| None,
        )
        .expect("renders");
        assert!(
            out.html.contains("<h2 id=\"mal-og-midler\">"),
            "{}",
            out.html
        );
        assert!(
            out.html.contains("<h3 id=\"mal-og-midler-1\">"),
            "{}",
            out.html
        );
        assert!(!out.html.contains("<script"), "{}", out.html);
        assert_eq!(out.toc.len(), 1);
        assert_eq!(out.toc[0].children[0].permalink, "/p/#mal-og-midler-1");
    }

    #[test]
    fn summaries_given_ids_and_task_lists_follow_zola() {
        let out = render(
            "Første afsnit.[^1]\n\n<!-- More -->\n\n## Mål {#maal}\n\n## Mål\n\n- [x] gjort\n\n[^1]: Note.",
            "/p/",
            &|_| None,
        )
        .expect("renders");
        assert_eq!(out.summary.as_deref(), Some("<p>Første afsnit.</p>"));
        assert!(out.html.contains(CONTINUE_READING), "{}", out.html);
        assert!(!out.html.contains("more"), "{}", out.html);
        assert!(
            out.html.contains("<h2 id=\"maal\">Mål</h2>"),
            "{}",
            out.html
        );
        assert!(out.html.contains("<h2 id=\"mal\">Mål</h2>"), "{}", out.html);
        assert!(out.html.contains("type=\"checkbox\""), "{}", out.html);
        let smart = render_with(
            "\"Hej\" -- sagde han...",
            "/p/",
            &|_| None,
            &MarkdownOptions {
                smart_punctuation: true,
                ..MarkdownOptions::default()
            },
        )
        .expect("renders");
        assert!(smart.html.contains("“Hej” – sagde han…"), "{}", smart.html);
    }

    #[test]
    fn internal_links_resolve_or_fail() {
        let links = |path: &str| (path == "a/b.md").then(|| "/x/a/b/".to_string());
        let out = render("[K1](@/a/b.md#top)", "/p/", &links).expect("resolves");
        assert!(out.html.contains("href=\"/x/a/b/#top\""), "{}", out.html);
        let broken = render("[K1](@/a/c.md)", "/p/", &links).err();
        assert_eq!(
            broken.as_deref(),
            Some("link to @/a/c.md, which is not in content/")
        );
    }
}
