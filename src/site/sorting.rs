//! Zola's page orders (`sort_by` in a section's front matter, and the date
//! order of taxonomy term pages), with Zola's tie-break: the permalink.
//! Both renderers must list pages alike, or the same page reads differently.

use std::cmp::Ordering;

use lexical_sort::natural_lexical_cmp;
use serde_json::Value;

/// A section's `sort_by`, as Zola names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Date,
    Title,
    TitleBytes,
    Weight,
    Slug,
    Permalink,
    None,
}

impl SortBy {
    /// Zola's names; `None` when the section gives no `sort_by`.
    pub fn parse(name: Option<&str>) -> Result<SortBy, String> {
        Ok(match name.unwrap_or("none") {
            // Pages carry no `updated` here, so the latest change is the date.
            "date" | "update_date" => SortBy::Date,
            "title" => SortBy::Title,
            "title_bytes" => SortBy::TitleBytes,
            "weight" => SortBy::Weight,
            "slug" => SortBy::Slug,
            "permalink" => SortBy::Permalink,
            "none" => SortBy::None,
            other => return Err(format!("sort_by = \"{other}\" is not one of Zola's orders (date, update_date, title, title_bytes, weight, slug, permalink, none)")),
        })
    }
}

/// Pages in Zola's order for `sort_by`, and apart those it cannot place
/// (no date for `date`), in their given order. `None` keeps the given order.
pub fn sort_pages<'a>(pages: &[&'a Value], sort_by: SortBy) -> (Vec<&'a Value>, Vec<&'a Value>) {
    if sort_by == SortBy::None {
        return (pages.to_vec(), Vec::new());
    }
    let (mut sortable, unsortable): (Vec<&Value>, Vec<&Value>) =
        pages.iter().partition(|page| match sort_by {
            SortBy::Date => page["date"].is_string(),
            SortBy::Title | SortBy::TitleBytes => page["title"].is_string(),
            SortBy::Weight => page["weight"].is_u64(),
            _ => true,
        });
    let text = |page: &Value, field: &str| page[field].as_str().unwrap_or("").to_string();
    sortable.sort_by(|a, b| {
        let order = match sort_by {
            // Newest first.
            SortBy::Date => text(b, "date").cmp(&text(a, "date")),
            SortBy::Title => natural_lexical_cmp(&text(a, "title"), &text(b, "title")),
            SortBy::TitleBytes => text(a, "title").cmp(&text(b, "title")),
            SortBy::Weight => a["weight"].as_u64().cmp(&b["weight"].as_u64()),
            SortBy::Slug => natural_lexical_cmp(&text(a, "slug"), &text(b, "slug")),
            SortBy::Permalink | SortBy::None => Ordering::Equal,
        };
        order.then_with(|| text(a, "permalink").cmp(&text(b, "permalink")))
    });
    (sortable, unsortable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ties_fall_to_the_permalink_and_dates_run_newest_first() {
        let pages = [
            json!({"title": "2.12", "weight": 12, "date": "2004-01-01", "permalink": "/b/"}),
            json!({"title": "2.2", "weight": 2, "date": "2004-01-01", "permalink": "/c/"}),
            json!({"title": "2.1", "weight": 1, "date": "2004-01-01", "permalink": "/a/"}),
            json!({"title": "K1", "weight": 2, "date": "2023-10-01", "permalink": "/d/"}),
            json!({"title": "x", "weight": 2, "permalink": "/e/"}),
        ];
        let refs: Vec<&Value> = pages.iter().collect();
        let titles = |sort_by| {
            let (sorted, rest) = sort_pages(&refs, sort_by);
            let name = |p: &&Value| p["title"].as_str().unwrap_or("").to_string();
            (
                sorted.iter().map(name).collect::<Vec<_>>(),
                rest.iter().map(name).collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            titles(SortBy::Date),
            (
                vec!["K1".into(), "2.1".into(), "2.12".into(), "2.2".into()],
                vec!["x".into()]
            )
        );
        assert_eq!(titles(SortBy::Weight).0, ["2.1", "2.2", "K1", "x", "2.12"]);
        assert_eq!(titles(SortBy::Title).0, ["2.1", "2.2", "2.12", "K1", "x"]);
    }
}
