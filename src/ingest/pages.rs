//! The catalogue's printed page numbers, for citing a section as "s. 35–37".
//!
//! Text extraction kept only six of the catalogue's page numbers, each a lone
//! number on its own line (36, 43, 48, 64, 74 and 100 in `004_*.txt`). Each
//! is the first line of its page: the extraction starts every page with a
//! leading space, and the number carries it. Between two such markers the
//! page starts are counted; where their count equals the pages between the
//! markers (36–43, 43–48, 48–64 and 64–74), every line's page is known.
//! Elsewhere a line's page is estimated by linear interpolation between the
//! nearest markers, or from the nearest one at the mean rate, and marked as
//! an estimate. Measured lines per page between the markers: 53.7, 59.4,
//! 60.1, 60.9 and 63.5 (60.9 over all); left out one at a time, each marker
//! is predicted within one page (tests below).

use super::lines::{Line, LineKind};

/// A page start this close after another is the second line of a wrapped
/// heading, which keeps the leading space (2.15's title, lines 3234 and 3237).
/// The shortest real page, a keyword list alone, has 11 lines.
const MIN_PAGE_LINES: usize = 5;

/// A printed page number left in the text: `page` starts at `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    pub line: usize,
    pub page: u32,
}

/// How a page number was found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PageBasis {
    /// Page starts counted between two markers, and their count verified.
    Counted { from: u32, to: u32 },
    /// Interpolated between two markers whose page starts do not add up.
    Interpolated {
        from: u32,
        to: u32,
        lines_per_page: f64,
    },
    /// Before the first marker or after the last, at the mean rate.
    Extrapolated { from: u32, lines_per_page: f64 },
}

impl PageBasis {
    pub fn is_estimate(self) -> bool {
        !matches!(self, PageBasis::Counted { .. })
    }
}

/// The pages a section spans, and how each end was found.
#[derive(Clone, Debug, PartialEq)]
pub struct PageSpan {
    pub first: u32,
    pub last: u32,
    /// One entry per distinct way its ends were found (one or two).
    pub basis: Vec<PageBasis>,
}

impl PageSpan {
    pub fn is_estimate(&self) -> bool {
        self.basis.iter().any(|b| b.is_estimate())
    }
}

/// Page of every line of one source, from its markers and page starts.
#[derive(Debug)]
pub struct PageMap {
    markers: Vec<Marker>,
    /// Lines that start a page, sorted.
    starts: Vec<usize>,
    /// Per pair of neighbouring markers: do the page starts between them add up?
    counted: Vec<bool>,
    mean_lines_per_page: f64,
}

impl PageMap {
    /// From the classified lines; `None` with fewer than two markers, since one
    /// marker gives no rate to estimate with.
    pub fn from_lines(lines: &[Line]) -> Option<PageMap> {
        let markers = lines
            .iter()
            .filter(|l| l.kind == LineKind::PageNumber)
            .filter_map(|l| {
                l.text.parse().ok().map(|page| Marker {
                    line: l.number,
                    page,
                })
            });
        let starts = lines
            .iter()
            .filter(|l| l.kind == LineKind::Text { page_start: true })
            .map(|l| l.number);
        PageMap::new(markers, starts)
    }

    /// A lone number lower than the marker before it is not a page number
    /// (a figure's label, a count), so it is not used.
    pub fn new(
        markers: impl IntoIterator<Item = Marker>,
        starts: impl IntoIterator<Item = usize>,
    ) -> Option<PageMap> {
        let mut ordered: Vec<Marker> = Vec::new();
        for marker in markers {
            if ordered.last().is_none_or(|last| marker.page > last.page) {
                ordered.push(marker);
            }
        }
        let (first, last) = (*ordered.first()?, *ordered.last()?);
        if first == last {
            return None;
        }
        let mut all: Vec<usize> = starts
            .into_iter()
            .chain(ordered.iter().map(|m| m.line))
            .collect();
        all.sort_unstable();
        all.dedup();
        let mut kept: Vec<usize> = Vec::new();
        for line in all {
            let is_marker = ordered.iter().any(|m| m.line == line);
            match kept.last_mut() {
                Some(previous) if line - *previous < MIN_PAGE_LINES => {
                    if is_marker {
                        *previous = line;
                    }
                }
                _ => kept.push(line),
            }
        }
        let counted = ordered
            .windows(2)
            .map(|pair| {
                let between = kept
                    .iter()
                    .filter(|&&l| l >= pair[0].line && l < pair[1].line)
                    .count();
                between == (pair[1].page - pair[0].page) as usize
            })
            .collect();
        Some(PageMap {
            mean_lines_per_page: lines_per_page(first, last),
            markers: ordered,
            starts: kept,
            counted,
        })
    }

    #[cfg(test)]
    pub fn markers(&self) -> &[Marker] {
        &self.markers
    }

    /// Whether the page starts between each pair of neighbouring markers add up.
    #[cfg(test)]
    pub fn counted(&self) -> &[bool] {
        &self.counted
    }

    /// The page `line` is on, and how that was found.
    pub fn page(&self, line: usize) -> (u32, PageBasis) {
        let after = self.markers.partition_point(|m| m.line <= line);
        if after == 0 || after == self.markers.len() {
            let anchor = if after == 0 {
                self.markers[0]
            } else {
                self.markers[after - 1]
            };
            let rate = self.mean_lines_per_page;
            let basis = PageBasis::Extrapolated {
                from: anchor.page,
                lines_per_page: rate,
            };
            return (estimate(anchor, line, rate), basis);
        }
        let (from, to) = (self.markers[after - 1], self.markers[after]);
        if self.counted[after - 1] {
            let starts_since = self
                .starts
                .iter()
                .filter(|&&l| l > from.line && l <= line)
                .count();
            let basis = PageBasis::Counted {
                from: from.page,
                to: to.page,
            };
            return (from.page + starts_since as u32, basis);
        }
        let rate = lines_per_page(from, to);
        let basis = PageBasis::Interpolated {
            from: from.page,
            to: to.page,
            lines_per_page: rate,
        };
        (estimate(from, line, rate), basis)
    }

    /// The pages from `first_line` to `last_line` (inclusive).
    pub fn span(&self, first_line: usize, last_line: usize) -> PageSpan {
        let (first, first_basis) = self.page(first_line);
        let (last, last_basis) = self.page(last_line);
        let mut basis = vec![first_basis];
        if last_basis != first_basis {
            basis.push(last_basis);
        }
        PageSpan { first, last, basis }
    }
}

fn lines_per_page(from: Marker, to: Marker) -> f64 {
    (to.line - from.line) as f64 / f64::from(to.page - from.page)
}

/// The page of `line` at `rate` lines per page from `anchor`, never below 1.
fn estimate(anchor: Marker, line: usize, rate: f64) -> u32 {
    let offset = (line as f64 - anchor.line as f64) / rate;
    let page = (f64::from(anchor.page) + offset).floor();
    page.max(1.0) as u32
}

#[cfg(test)]
#[path = "pages_tests.rs"]
mod tests;
