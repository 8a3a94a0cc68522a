// Trial only (not committed): mythes-da bridges for words no page writes.
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;

fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out)
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path)
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let with_hyper = args.iter().any(|a| a == "--hyper");
    let with_hypo = args.iter().any(|a| a == "--hypo");
    let first_only = args.iter().any(|a| a == "--first");
    let known = args.iter().any(|a| a == "--known");
    let reverse = args.iter().any(|a| a == "--reverse");
    let mut head_known: Option<String> = None;
    let mut sense = 0;
    let mut files = Vec::new();
    walk(std::path::Path::new("content"), &mut files);
    let mut stems: HashSet<String> = HashSet::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        stems.extend(praksis_search::analyze(&text));
    }
    let syn = fs::read_to_string("curation/synonyms.toml").unwrap();
    let syn_stems: HashSet<String> = praksis_search::analyze(&syn).into_iter().collect();
    let dat = fs::read_to_string("/usr/share/mythes/th_da_DK.dat").unwrap();
    let mut bridges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut head: Option<String> = None;
    for line in dat.lines().skip(1) {
        if let Some(rest) = line.strip_prefix('|') {
            if reverse {
                if let Some(hk) = &head_known {
                    for item in rest.split('|') {
                        if let Some(at) = item.find(" (underbegreb)") {
                            let w = item[..at].trim().to_lowercase();
                            if w.contains(char::is_whitespace)
                                || !w.chars().all(char::is_alphabetic)
                            {
                                continue;
                            }
                            let t = praksis_search::analyze(&w);
                            if t.len() == 1 && !stems.contains(&t[0]) && !syn_stems.contains(&t[0])
                            {
                                bridges.entry(w).or_default().insert(hk.clone());
                            }
                        }
                    }
                }
            }
            let Some(h) = &head else { continue };
            sense += 1;
            if first_only && sense > 1 {
                continue;
            }
            for item in rest.split('|') {
                let (word, note) = match item.find(" (") {
                    Some(at) => (&item[..at], &item[at..]),
                    None => (item, ""),
                };
                if note.contains("underbegreb") && !with_hypo {
                    continue;
                }
                if note.contains("overbegreb") && !with_hyper {
                    continue;
                }
                let word = word.trim();
                if word.is_empty() || word.contains(char::is_whitespace) {
                    continue;
                }
                let terms = praksis_search::analyze(word);
                if terms.len() == 1
                    && stems.contains(&terms[0])
                    && terms[0] != praksis_search::analyze(h)[0]
                {
                    bridges
                        .entry(h.clone())
                        .or_default()
                        .insert(word.to_string());
                }
            }
        } else {
            let word = line.split('|').next().unwrap_or("").trim().to_lowercase();
            head = None;
            head_known = None;
            {
                let t = praksis_search::analyze(&word);
                if t.len() == 1 && stems.contains(&t[0]) && word.chars().all(char::is_alphabetic) {
                    head_known = Some(word.clone());
                }
            }
            if word.chars().count() < 4 || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            let terms = praksis_search::analyze(&word);
            if terms.len() != 1
                || (stems.contains(&terms[0]) && !known)
                || syn_stems.contains(&terms[0])
            {
                continue;
            }
            head = Some(word);
            sense = 0;
        }
    }
    let mut pairs = 0;
    println!("# trial bridges");
    println!("bridges = [");
    for (h, targets) in &bridges {
        let list: Vec<String> = targets.iter().map(|t| format!("\"{t}\"")).collect();
        println!("    [\"{h}\", {}],", list.join(", "));
        pairs += targets.len();
    }
    println!("]");
    eprintln!("{} headwords, {pairs} pairs", bridges.len());
}
