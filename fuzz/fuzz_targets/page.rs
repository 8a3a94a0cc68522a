//! A hand-written content page: front matter and Markdown, parsed and
//! rendered as the site stage does. Errors are fine; panics are not, and no
//! raw HTML from the page may reach the output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use praksis::content::ContentTree;
use praksis::site::markdown;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut tree = ContentTree::default();
    if tree
        .add("eksempler/fuzz.md", "content/eksempler/fuzz.md", text)
        .is_err()
    {
        return;
    }
    for page in &tree.pages {
        if let Ok(rendered) = markdown::render(&page.markdown, "/eksempler/fuzz/", &|_| None) {
            let html = rendered.html.to_lowercase();
            // `<` in text is always escaped, so these only match real tags.
            // (A quote in text is not: `href="javascript:` alone may be text.)
            for tag in ["<script", "<a href=\"javascript:", "<img src=\"javascript:"] {
                assert!(!html.contains(tag), "{tag} passed through");
            }
        }
    }
});
