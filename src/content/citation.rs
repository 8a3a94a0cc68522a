//! The catalogue's page numbers as a page cites them, with a sentence saying
//! how they were found (counted between printed page numbers, or estimated).

use super::front_matter::CataloguePages;
use crate::ingest::{PageBasis, PageSpan};

pub fn catalogue_pages(span: &PageSpan) -> CataloguePages {
    let counted: Vec<String> = span
        .basis
        .iter()
        .filter_map(|b| match b {
            PageBasis::Counted { from, to } => Some(format!("{from} og {to}")),
            _ => None,
        })
        .collect();
    let mut ways: Vec<String> = Vec::new();
    if !counted.is_empty() {
        ways.push(format!(
            "talt ud fra tekstudtrækkets sideskift, hvis antal passer med katalogets trykte sidetal (mellem {})",
            counted.join(" og mellem ")
        ));
    }
    ways.extend(span.basis.iter().filter_map(|b| estimate(*b)));
    let mut basis = format!("Sidetallene er {}.", ways.join(", og "));
    if span.is_estimate() {
        basis.push_str(" Et skøn (»ca.«) kan ramme én side ved siden af.");
    }
    CataloguePages {
        first: span.first,
        last: span.last,
        estimated: span.is_estimate(),
        basis,
    }
}

fn estimate(basis: PageBasis) -> Option<String> {
    match basis {
        PageBasis::Counted { .. } => None,
        PageBasis::Interpolated {
            from,
            to,
            lines_per_page,
        } => Some(format!(
            "skønnet ud fra placeringen mellem katalogets trykte sidetal {from} og {to} ({lines_per_page:.0} linjer pr. side)"
        )),
        PageBasis::Extrapolated {
            from,
            lines_per_page,
        } => Some(format!(
            "skønnet ud fra afstanden til katalogets trykte sidetal {from} ({lines_per_page:.0} linjer pr. side i snit)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_pages_are_not_called_estimates() {
        let span = PageSpan {
            first: 38,
            last: 41,
            basis: vec![PageBasis::Counted { from: 36, to: 43 }],
        };
        let pages = catalogue_pages(&span);
        assert!(!pages.estimated);
        assert!(pages.basis.contains("talt"), "{}", pages.basis);
        assert!(!pages.basis.contains("ca."), "{}", pages.basis);
    }

    #[test]
    fn an_estimated_end_makes_the_span_an_estimate() {
        let span = PageSpan {
            first: 73,
            last: 75,
            basis: vec![
                PageBasis::Counted { from: 64, to: 74 },
                PageBasis::Interpolated {
                    from: 74,
                    to: 100,
                    lines_per_page: 63.5,
                },
            ],
        };
        let pages = catalogue_pages(&span);
        assert!(pages.estimated);
        assert!(pages.basis.contains("74 og 100"), "{}", pages.basis);
        assert!(pages.basis.contains("ca."), "{}", pages.basis);
    }
}
