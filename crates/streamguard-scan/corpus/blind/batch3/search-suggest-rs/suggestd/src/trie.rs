use std::collections::BTreeMap;

#[derive(Default)]
pub struct Terms {
    counts: BTreeMap<String, u64>,
}

impl Terms {
    pub fn load(text: &str) -> Self {
        let mut t = Terms::default();
        for line in text.lines() {
            if let Some((term, n)) = line.split_once('\t') {
                t.counts.insert(term.to_lowercase(), n.trim().parse().unwrap_or(1));
            }
        }
        t
    }

    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<String> {
        let prefix = prefix.to_lowercase();
        let mut hits: Vec<(&String, &u64)> = self.counts.range(prefix.clone()..).take_while(|(k, _)| k.starts_with(&prefix)).collect();
        hits.sort_by(|a, b| b.1.cmp(a.1));
        hits.into_iter().take(limit).map(|(k, _)| k.clone()).collect()
    }

    pub fn iter_min(&self, min: u64) -> impl Iterator<Item = (&String, &u64)> {
        self.counts.iter().filter(move |(_, c)| **c >= min)
    }
}
