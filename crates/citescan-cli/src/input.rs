//! Reading listings from JSON Lines, CSV and plain text, one record at a time, so that a huge
//! file is never held in memory. A malformed record becomes an [`Record::Error`] in its place.

use std::io::{BufReader, Read};
use std::path::Path;

use citescan::Listing;
use serde_json::Value;

/// Input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines: one JSON object a line.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// Plain text: one listing a line (field `text`).
    Text,
}

impl Format {
    /// The format a path's extension implies, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("jsonl" | "ndjson" | "json") => Some(Format::Jsonl),
            Some("csv") => Some(Format::Csv),
            Some("txt" | "text") => Some(Format::Text),
            _ => None,
        }
    }
}

/// One input record: a listing, or the error that stands in its place.
#[derive(Debug)]
pub enum Record {
    /// A listing and the 1-based line it starts on.
    Listing(Listing, u64),
    /// A malformed record.
    Error {
        /// The listing's id when it could be read, else the line number.
        id: String,
        /// The line it starts on (1-based).
        line: u64,
        /// `line N: message`.
        message: String,
    },
}

impl Record {
    fn error(id: Option<String>, line: u64, msg: impl std::fmt::Display) -> Record {
        Record::Error {
            id: id.unwrap_or_else(|| line.to_string()),
            line,
            message: format!("line {line}: {msg}"),
        }
    }

    /// The JSON object written for an error record.
    pub fn error_json(id: &str, line: u64, message: &str) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
        format!(
            "{{\"id\":{},\"error\":{},\"line\":{line}}}",
            q(id),
            q(message)
        )
    }
}

/// Which fields to read.
#[derive(Clone, Debug)]
pub struct FieldSpec {
    /// Text fields, in order.
    pub fields: Vec<String>,
}

impl FieldSpec {
    /// The given fields, or `title` and `description`.
    pub fn new(fields: &[String]) -> FieldSpec {
        if fields.is_empty() {
            FieldSpec {
                fields: vec!["title".into(), "description".into()],
            }
        } else {
            FieldSpec {
                fields: fields.to_vec(),
            }
        }
    }
}

/// Reads records of one format from a byte stream.
pub enum Records<R: Read> {
    /// JSON Lines.
    Jsonl {
        reader: BufReader<R>,
        line: u64,
        buf: Vec<u8>,
        spec: FieldSpec,
    },
    /// Plain text.
    Text {
        reader: BufReader<R>,
        line: u64,
        buf: Vec<u8>,
    },
    /// CSV.
    Csv {
        reader: Box<csv::Reader<R>>,
        header: Option<Result<Vec<String>, String>>,
        spec: FieldSpec,
        done: bool,
    },
}

impl<R: Read> Records<R> {
    /// Records of `format` read from `r`.
    pub fn new(r: R, format: Format, spec: FieldSpec) -> Records<R> {
        match format {
            Format::Jsonl => Records::Jsonl {
                reader: BufReader::with_capacity(1 << 16, r),
                line: 0,
                buf: Vec::new(),
                spec,
            },
            Format::Text => Records::Text {
                reader: BufReader::with_capacity(1 << 16, r),
                line: 0,
                buf: Vec::new(),
            },
            Format::Csv => {
                let reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(r);
                Records::Csv {
                    reader: Box::new(reader),
                    header: None,
                    spec,
                    done: false,
                }
            }
        }
    }

    /// The next record; `Err` only for an I/O error that ends the input.
    pub fn next_record(&mut self) -> Option<Result<Record, String>> {
        match self {
            Records::Jsonl {
                reader,
                line,
                buf,
                spec,
            } => {
                let bytes = match next_line(reader, line, buf)? {
                    Ok(b) => b,
                    Err(e) => return Some(Err(e)),
                };
                Some(Ok(parse_json_line(bytes, *line, spec)))
            }
            Records::Text { reader, line, buf } => {
                let bytes = match next_line(reader, line, buf)? {
                    Ok(b) => b,
                    Err(e) => return Some(Err(e)),
                };
                Some(Ok(match std::str::from_utf8(bytes) {
                    Ok(t) => {
                        Record::Listing(Listing::new(line.to_string()).field("text", t), *line)
                    }
                    Err(e) => Record::error(
                        None,
                        *line,
                        format_args!("invalid UTF-8 at byte {}", e.valid_up_to()),
                    ),
                }))
            }
            Records::Csv {
                reader,
                header,
                spec,
                done,
            } => loop {
                if *done {
                    return None;
                }
                let mut rec = csv::ByteRecord::new();
                let res = reader.read_byte_record(&mut rec);
                let line = rec.position().map(|p| p.line()).unwrap_or(0);
                match res {
                    Ok(false) => {
                        *done = true;
                        return None;
                    }
                    Ok(true) => {}
                    Err(e) => {
                        let line = e.position().map(|p| p.line()).unwrap_or(line);
                        if let csv::ErrorKind::Io(_) = e.kind() {
                            *done = true;
                            return Some(Err(format!("read error at line {line}: {e}")));
                        }
                        return Some(Ok(Record::error(None, line, e)));
                    }
                }
                if rec
                    .iter()
                    .all(|f| f.iter().all(|b| b.is_ascii_whitespace()))
                    && rec.len() <= 1
                {
                    continue;
                }
                let Some(h) = header else {
                    let names: Result<Vec<String>, String> = rec
                        .iter()
                        .map(|f| {
                            std::str::from_utf8(f)
                                .map(|s| s.trim_start_matches('\u{feff}').trim().to_string())
                                .map_err(|e| {
                                    format!(
                                        "line {line}: header is not valid UTF-8 at byte {}",
                                        e.valid_up_to()
                                    )
                                })
                        })
                        .collect();
                    *header = Some(names);
                    continue;
                };
                let names = match h {
                    Ok(n) => n,
                    Err(m) => {
                        *done = true;
                        return Some(Err(m.clone()));
                    }
                };
                return Some(Ok(csv_record(names, &rec, line, spec)));
            },
        }
    }
}

/// The next line that is not blank (without its end of line, and without a BOM on line 1),
/// counting lines in `line`; `None` at the end of the input.
fn next_line<'b, R: std::io::BufRead>(
    reader: &mut R,
    line: &mut u64,
    buf: &'b mut Vec<u8>,
) -> Option<Result<&'b [u8], String>> {
    loop {
        buf.clear();
        match reader.read_until(b'\n', buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => return Some(Err(format!("read error after line {line}: {e}"))),
        }
        *line += 1;
        let end = trim_eol(buf).len();
        let start = if *line == 1 && buf[..end].starts_with("\u{feff}".as_bytes()) {
            3
        } else {
            0
        };
        if !buf[start..end].iter().all(|b| b.is_ascii_whitespace()) {
            return Some(Ok(&buf[start..end]));
        }
    }
}

fn trim_eol(buf: &[u8]) -> &[u8] {
    let b = buf.strip_suffix(b"\n").unwrap_or(buf);
    b.strip_suffix(b"\r").unwrap_or(b)
}

/// The id of a JSON object: `id` as a string or number.
fn json_id(obj: &serde_json::Map<String, Value>) -> Result<Option<String>, &'static str> {
    match obj.get("id") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err("field \"id\" is not a string or number"),
    }
}

fn parse_json_line(bytes: &[u8], line: u64, spec: &FieldSpec) -> Record {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return Record::error(
                None,
                line,
                format_args!("invalid UTF-8 at byte {}", e.valid_up_to()),
            )
        }
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // serde_json says "... at line 1 column 5": the line is ours, keep the column
            let msg = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let msg = match msg.strip_suffix(&suffix) {
                Some(m) => format!("{m} at column {}", e.column()),
                None => msg,
            };
            return Record::error(None, line, msg);
        }
    };
    let Value::Object(obj) = value else {
        return Record::error(
            None,
            line,
            format_args!("expected a JSON object, found {}", json_type(&value)),
        );
    };
    let id = match json_id(&obj) {
        Ok(id) => id,
        Err(m) => return Record::error(None, line, m),
    };
    let mut listing = Listing::new(Some(id.clone().unwrap_or_else(|| line.to_string())));
    for f in &spec.fields {
        match obj.get(f) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => listing.fields.push((f.clone(), s.clone())),
            Some(v) => {
                return Record::error(
                    id,
                    line,
                    format_args!("field \"{f}\" is {}, not a string", json_type(v)),
                )
            }
        }
    }
    Record::Listing(listing, line)
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn csv_record(names: &[String], rec: &csv::ByteRecord, line: u64, spec: &FieldSpec) -> Record {
    let get = |name: &str| -> Option<Result<&str, String>> {
        let i = names.iter().position(|n| n == name)?;
        let raw = rec.get(i)?;
        Some(std::str::from_utf8(raw).map_err(|e| {
            format!(
                "field \"{name}\" is not valid UTF-8 at byte {}",
                e.valid_up_to()
            )
        }))
    };
    let id = match get("id") {
        Some(Ok(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Err(m)) => return Record::error(None, line, m),
        _ => None,
    };
    if rec.len() > names.len() {
        return Record::error(
            id,
            line,
            format_args!("{} fields, but the header has {}", rec.len(), names.len()),
        );
    }
    let mut listing = Listing::new(Some(id.clone().unwrap_or_else(|| line.to_string())));
    for f in &spec.fields {
        match get(f) {
            None => {}
            Some(Ok(s)) => listing.fields.push((f.clone(), s.to_string())),
            Some(Err(m)) => return Record::error(id, line, m),
        }
    }
    Record::Listing(listing, line)
}

/// Reads every record of a file into memory (for small inputs such as `eval`).
pub fn read_all(
    path: &Path,
    format: Option<Format>,
    spec: FieldSpec,
) -> Result<Vec<Record>, String> {
    let file =
        std::fs::File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let format = format
        .or_else(|| Format::from_path(path))
        .unwrap_or(Format::Jsonl);
    let mut rs = Records::new(file, format, spec);
    let mut out = Vec::new();
    while let Some(r) = rs.next_record() {
        out.push(r.map_err(|e| format!("{}: {e}", path.display()))?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &str, format: Format) -> Vec<Record> {
        let mut rs = Records::new(input.as_bytes(), format, FieldSpec::new(&[]));
        let mut v = Vec::new();
        while let Some(r) = rs.next_record() {
            v.push(r.unwrap());
        }
        v
    }

    #[test]
    fn jsonl_ids_fields_and_errors() {
        let recs = all(
            "{\"id\":\"a\",\"title\":\"t\",\"description\":\"d\"}\n\n{\"id\":7,\"title\":\"x\"}\n{bad\n[1]\n{\"title\":3}\n{\"title\":\"no id\"}\n",
            Format::Jsonl,
        );
        assert_eq!(recs.len(), 6);
        match &recs[0] {
            Record::Listing(l, 1) => {
                assert_eq!(l.id.as_deref(), Some("a"));
                assert_eq!(
                    l.fields,
                    vec![
                        ("title".into(), "t".into()),
                        ("description".into(), "d".into())
                    ]
                );
            }
            r => panic!("{r:?}"),
        }
        assert!(matches!(&recs[1], Record::Listing(l, 3) if l.id.as_deref() == Some("7")));
        assert!(
            matches!(&recs[2], Record::Error { id, line: 4, message } if id == "4" && message.starts_with("line 4: ") && message.contains("column"))
        );
        assert!(
            matches!(&recs[3], Record::Error { line: 5, message, .. } if message.contains("an array"))
        );
        assert!(
            matches!(&recs[4], Record::Error { line: 6, message, .. } if message.contains("\"title\" is a number"))
        );
        assert!(matches!(&recs[5], Record::Listing(l, 7) if l.id.as_deref() == Some("7")));
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let recs = all("\u{feff}{\"id\":\"a\",\"title\":\"t\"}\n", Format::Jsonl);
        assert!(
            matches!(&recs[0], Record::Listing(l, 1) if l.id.as_deref() == Some("a")),
            "{recs:?}"
        );
        let recs = all("\u{feff}id,title\nx,t\n", Format::Csv);
        assert!(
            matches!(&recs[0], Record::Listing(l, 2) if l.id.as_deref() == Some("x")),
            "{recs:?}"
        );
    }

    #[test]
    fn csv_quotes_and_newlines() {
        let recs = all(
            "id,title,description\n1,\"a, \"\"b\"\"\",\"two\nlines\"\n,plain,\n",
            Format::Csv,
        );
        assert_eq!(recs.len(), 2);
        match &recs[0] {
            Record::Listing(l, 2) => {
                assert_eq!(l.id.as_deref(), Some("1"));
                assert_eq!(l.fields[0].1, "a, \"b\"");
                assert_eq!(l.fields[1].1, "two\nlines");
            }
            r => panic!("{r:?}"),
        }
        // no id: the line the record starts on
        assert!(matches!(&recs[1], Record::Listing(l, 4) if l.id.as_deref() == Some("4")));
    }

    #[test]
    fn text_lines_and_bad_utf8() {
        let mut rs = Records::new(
            &b"one\n\xff\xfe\nthree"[..],
            Format::Text,
            FieldSpec::new(&[]),
        );
        let a = rs.next_record().unwrap().unwrap();
        let b = rs.next_record().unwrap().unwrap();
        let c = rs.next_record().unwrap().unwrap();
        assert!(rs.next_record().is_none());
        assert!(
            matches!(a, Record::Listing(l, 1) if l.fields == vec![("text".to_string(), "one".to_string())])
        );
        assert!(matches!(b, Record::Error { line: 2, .. }));
        assert!(matches!(c, Record::Listing(l, 3) if l.id.as_deref() == Some("3")));
    }
}
