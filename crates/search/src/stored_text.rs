//! A stored document read as what this index stores: text fields alone.
//!
//! tantivy's own `TantivyDocument` decodes any stored value (numbers, dates,
//! nested objects, an old JSON format through serde_json); the engine's
//! WebAssembly carried all of that code, about 30 kB, to read pages whose
//! stored fields are all text (`schema`). This type asks tantivy for strings
//! only, so the rest is never compiled in. A stored value of another type
//! fails the read with tantivy's type-mismatch error: not an index this
//! crate wrote.

use tantivy::schema::document::{
    DeserializeError, DocumentDeserialize, DocumentDeserializer, ValueDeserialize,
    ValueDeserializer,
};
use tantivy::schema::Field;

/// One stored text value.
struct Text(String);

impl ValueDeserialize for Text {
    fn deserialize<'de, D>(deserializer: D) -> Result<Self, DeserializeError>
    where
        D: ValueDeserializer<'de>,
    {
        deserializer.deserialize_string().map(Text)
    }
}

/// A stored document's (field, text) values, in stored order.
pub(crate) struct StoredText {
    values: Vec<(Field, String)>,
}

impl DocumentDeserialize for StoredText {
    fn deserialize<'de, D>(mut deserializer: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        let mut values = Vec::with_capacity(deserializer.size_hint());
        while let Some((field, Text(text))) = deserializer.next_field::<Text>()? {
            values.push((field, text));
        }
        Ok(StoredText { values })
    }
}

impl StoredText {
    /// Every value of `field`, in stored order.
    pub(crate) fn all(&self, field: Field) -> impl Iterator<Item = &str> {
        self.values
            .iter()
            .filter(move |(of, _)| *of == field)
            .map(|(_, text)| text.as_str())
    }

    /// The first value of `field`; empty when the page has none (as a page
    /// without headings has no `headings` value).
    pub(crate) fn first(&self, field: Field) -> String {
        self.all(field).next().unwrap_or_default().to_string()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::schema::{Schema, STORED, STRING};
    use tantivy::{doc, Index, IndexWriter};

    use super::StoredText;

    #[test]
    fn reads_every_text_value_in_order_and_refuses_other_types() {
        let mut builder = Schema::builder();
        let title = builder.add_text_field("title", STRING | STORED);
        let tag = builder.add_text_field("tag", STRING | STORED);
        let count = builder.add_u64_field("count", STORED);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        writer
            .add_document(doc!(title => "Jobklub", tag => "a", tag => "b"))
            .expect("add");
        writer
            .add_document(doc!(title => "Tal", count => 3u64))
            .expect("add");
        writer.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let first = tantivy::DocAddress::new(0, 0);
        let page: StoredText = searcher.doc(first).expect("text alone");
        assert_eq!(page.first(title), "Jobklub");
        assert_eq!(page.all(tag).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(page.first(count), "");
        let numbers = searcher.doc::<StoredText>(tantivy::DocAddress::new(0, 1));
        assert!(numbers.is_err(), "a stored number is not read as text");
    }
}
