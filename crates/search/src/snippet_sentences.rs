//! A snippet in whole sentences. tantivy's generator cuts its fragment at a
//! number of characters, often mid-sentence ("… da ordningen skaber"); a
//! reader quoting a hit wants the sentence (blind user test 19). The
//! fragment is widened to the ends of the sentences around it, each way by
//! at most [`MAX_WIDEN`] bytes, and rendered with the same highlights; where
//! a sentence runs on past that, the cut is marked "…".

use std::ops::Range;

/// How far, in bytes, a fragment may grow each way to reach a sentence end.
const MAX_WIDEN: usize = 160;

/// `fragment` of `passage` widened to whole sentences, as HTML with
/// `highlights` (ranges of the fragment) in `<b>`, and where the widened
/// text starts in the passage.
pub(crate) fn in_sentences(
    passage: &str,
    fragment: Range<usize>,
    highlights: &[Range<usize>],
) -> (String, usize) {
    let start = sentence_start(passage, fragment.start);
    let end = sentence_end(passage, fragment.end);
    let mut html = String::new();
    if start > 0 && !ends_sentence(&passage[..start]) {
        html.push('…');
    }
    let mut at = start;
    for range in highlights {
        let (from, to) = (fragment.start + range.start, fragment.start + range.end);
        if from < at || to > end {
            continue;
        }
        escape_into(&passage[at..from], &mut html);
        html.push_str("<b>");
        escape_into(&passage[from..to], &mut html);
        html.push_str("</b>");
        at = to;
    }
    escape_into(&passage[at..end], &mut html);
    if end < passage.len() && !ends_sentence(&passage[..end]) {
        html.push('…');
    }
    (html.trim().to_string(), start)
}

/// Does `text` end a sentence (its last non-space character a full stop,
/// question or exclamation mark)?
fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '?', '!'])
}

/// Is `at` the start of a sentence: after ". ", "? " or "! " and at a
/// capital (not "bl.a. de", "d. 17.1.22")?
fn starts_sentence(passage: &str, at: usize) -> bool {
    let begins = passage[at..].chars().next().is_some_and(char::is_uppercase);
    begins && passage[..at].ends_with(' ') && ends_sentence(&passage[..at])
}

/// The start of the sentence holding byte `from`, if within reach; else
/// the word boundary at `from`.
fn sentence_start(passage: &str, from: usize) -> usize {
    let floor = from.saturating_sub(MAX_WIDEN);
    let mut at = from;
    while at > floor {
        if starts_sentence(passage, at) {
            return at;
        }
        at -= 1;
        while !passage.is_char_boundary(at) {
            at -= 1;
        }
    }
    if at == 0 {
        0
    } else {
        from
    }
}

/// Does a sentence end at byte `at`: after a full stop, question or
/// exclamation mark, before the passage's end or a capital (not "bl.a. de")?
fn ends_at(passage: &str, at: usize) -> bool {
    let next = passage[at..].trim_start();
    ends_sentence(&passage[..at])
        && (next.is_empty() || next.chars().next().is_some_and(char::is_uppercase))
}

/// The end of the sentence running at byte `to`, if within reach; else `to`.
fn sentence_end(passage: &str, to: usize) -> usize {
    let ceiling = (to + MAX_WIDEN).min(passage.len());
    let mut at = to;
    loop {
        // A passage (a paragraph, a list item) ends a sentence too.
        if ends_at(passage, at) || at == passage.len() {
            return at;
        }
        if at >= ceiling {
            return to;
        }
        at += 1;
        while !passage.is_char_boundary(at) {
            at += 1;
        }
    }
}

/// `text` with HTML's special characters escaped, onto `out`.
pub(crate) fn escape_into(text: &str, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_cut_mid_sentence_grows_to_the_sentence() {
        let passage = "Første sætning. Erfaringer viser, at ordningen bl.a. skaber glæde hos alle. Sidste sætning her.";
        let from = passage.find("viser").expect("word");
        let to = passage.find("skaber").expect("word");
        let mentor = passage.find("ordningen").expect("word") - from;
        let (html, start) = in_sentences(
            passage,
            from..to,
            std::slice::from_ref(&(mentor..mentor + 9)),
        );
        assert_eq!(
            html,
            "Erfaringer viser, at <b>ordningen</b> bl.a. skaber glæde hos alle."
        );
        assert_eq!(start, passage.find("Erfaringer").expect("word"));
    }

    #[test]
    fn a_sentence_too_long_to_reach_is_cut_and_marked() {
        let long = "ord ".repeat(100);
        let passage = format!("Start {long}midte {long}slut.");
        let from = passage.find("midte").expect("word");
        let (html, start) = in_sentences(&passage, from..from + 5, std::slice::from_ref(&(0..5)));
        assert!(html.starts_with("…<b>midte</b>"), "{html}");
        assert!(html.ends_with('…'), "{html}");
        assert_eq!(start, from);
    }

    #[test]
    fn markup_in_the_text_is_escaped() {
        let passage = "A <b> & \"c\".";
        let (html, _) = in_sentences(passage, 0..passage.len(), &[]);
        assert_eq!(html, "A &lt;b&gt; &amp; &quot;c&quot;.");
    }
}
