//! Zola's page orders (`sort_by` in a section's front matter, and the date
//! order of taxonomy term pages), with Zola's tie-break: the permalink.
//! Both renderers must list pages alike, or the same page reads differently.

use std::cmp::Ordering;

use lexical_sort::natural_lexical_cmp;

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

/// What Zola's orders read of a page.
pub trait SortKeys {
    fn date(&self) -> Option<&str>;
    fn title(&self) -> &str;
    fn weight(&self) -> Option<u32>;
    fn slug(&self) -> &str;
    fn permalink(&self) -> &str;
}

/// Pages in Zola's order for `sort_by`, and apart those it cannot place
/// (no date for `date`, no weight for `weight`), in their given order.
/// `None` keeps the given order.
pub fn sort_pages<'a, P: SortKeys>(pages: &[&'a P], sort_by: SortBy) -> (Vec<&'a P>, Vec<&'a P>) {
    if sort_by == SortBy::None {
        return (pages.to_vec(), Vec::new());
    }
    let (mut sortable, unsortable): (Vec<&P>, Vec<&P>) =
        pages.iter().partition(|page| match sort_by {
            SortBy::Date => page.date().is_some(),
            SortBy::Weight => page.weight().is_some(),
            _ => true,
        });
    sortable.sort_by(|a, b| {
        let order = match sort_by {
            // Newest first.
            SortBy::Date => b.date().cmp(&a.date()),
            SortBy::Title => natural_lexical_cmp(a.title(), b.title()),
            SortBy::TitleBytes => a.title().cmp(b.title()),
            SortBy::Weight => a.weight().cmp(&b.weight()),
            SortBy::Slug => natural_lexical_cmp(a.slug(), b.slug()),
            SortBy::Permalink | SortBy::None => Ordering::Equal,
        };
        order.then_with(|| a.permalink().cmp(b.permalink()))
    });
    (sortable, unsortable)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Listed {
        title: &'static str,
        weight: Option<u32>,
        date: Option<&'static str>,
        permalink: &'static str,
    }

    impl SortKeys for Listed {
        fn date(&self) -> Option<&str> {
            self.date
        }
        fn title(&self) -> &str {
            self.title
        }
        fn weight(&self) -> Option<u32> {
            self.weight
        }
        fn slug(&self) -> &str {
            self.title
        }
        fn permalink(&self) -> &str {
            self.permalink
        }
    }

    fn listed(
        title: &'static str,
        weight: u32,
        date: Option<&'static str>,
        permalink: &'static str,
    ) -> Listed {
        Listed {
            title,
            weight: Some(weight),
            date,
            permalink,
        }
    }

    #[test]
    fn ties_fall_to_the_permalink_and_dates_run_newest_first() {
        let pages = [
            listed("2.12", 12, Some("2004-01-01"), "/b/"),
            listed("2.2", 2, Some("2004-01-01"), "/c/"),
            listed("2.1", 1, Some("2004-01-01"), "/a/"),
            listed("K1", 2, Some("2023-10-01"), "/d/"),
            listed("x", 2, None, "/e/"),
        ];
        let refs: Vec<&Listed> = pages.iter().collect();
        let titles = |sort_by| {
            let (sorted, rest) = sort_pages(&refs, sort_by);
            let name = |p: &&Listed| p.title.to_string();
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
