//! What a reader of an HTML page sees and can follow: its visible text, the
//! addresses of its links and the anchors links land on, in document order. Two renderings that differ only
//! in whitespace, attribute order, entity spelling or minification give the
//! same string, so the Zola parity test can compare pages with it.

/// Tags that run inside a word; every other tag separates words.
const INLINE: [&str; 18] = [
    "a", "abbr", "b", "bdi", "cite", "code", "del", "em", "i", "kbd", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup",
];

/// Attributes holding an address a reader's browser follows or loads.
const LINKING: [&str; 4] = ["href", "src", "action", "poster"];

/// The page's visible text (images' `alt` text included) with each link or
/// loaded address inline as `⟨address⟩` and each link target as `⟦#id⟧`,
/// whitespace collapsed to single spaces.
pub fn visible(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        push_text(&mut out, &rest[..at]);
        rest = &rest[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let end = tag_end(rest);
        let tag = &rest[1..end.saturating_sub(1).max(1)];
        rest = &rest[end..];
        let name = tag_name(tag);
        if !INLINE.contains(&name.as_str()) {
            out.push(' ');
        }
        for (attribute, value) in attributes(tag) {
            if LINKING.contains(&attribute.as_str()) {
                out.push('⟨');
                out.push_str(value.trim());
                out.push('⟩');
            } else if attribute == "id" {
                // What `#…` links land on.
                out.push_str(&format!("⟦#{}⟧", value.trim()));
            } else if attribute == "alt" {
                // An image's text, read out in its place.
                out.push_str(&format!(" {value} "));
            }
        }
        // Script and style bodies are not text a reader sees.
        let opening = !tag.starts_with('/') && !tag.ends_with('/');
        if opening && matches!(name.as_str(), "script" | "style") {
            let close = format!("</{name}");
            rest = find_ignoring_case(rest, &close).map_or("", |i| &rest[i..]);
        }
    }
    push_text(&mut out, rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Index just past the `>` closing the tag that `html` starts with (quotes respected).
fn tag_end(html: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in html.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// `name="value"`, `name='value'`, `name=value` and bare `name` pairs of a tag.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let body = tag.trim_end_matches('/');
    let mut chars = body
        .char_indices()
        .skip_while(|(_, c)| !c.is_whitespace())
        .peekable();
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let mut name = String::new();
        while let Some((_, c)) = chars.next_if(|(_, c)| !c.is_whitespace() && *c != '=') {
            name.push(c);
        }
        if name.is_empty() {
            break;
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if(|(_, c)| *c == '=').is_some() {
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
            match chars.next_if(|(_, c)| *c == '"' || *c == '\'') {
                Some((_, q)) => {
                    for (_, c) in chars.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                None => {
                    while let Some((_, c)) = chars.next_if(|(_, c)| !c.is_whitespace()) {
                        value.push(c);
                    }
                }
            }
        }
        out.push((name.to_ascii_lowercase(), decode(&value)));
    }
    out
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
}

fn push_text(out: &mut String, text: &str) {
    out.push_str(&decode(text));
}

/// Character references as a browser reads them (the ones either renderer writes).
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest[1..].find(';').map(|end| &rest[1..end + 2]);
        let decoded = reference.and_then(|r| {
            let name = &r[..r.len() - 1];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, r.len() + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
