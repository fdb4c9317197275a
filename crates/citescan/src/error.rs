//! The error type: an opaque struct with a kind and a message.

use std::fmt;

/// What went wrong, broadly. New kinds may be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A wordlist source line is malformed (the message names the file and line).
    Wordlist,
    /// A compiled lexicon is not one (bad magic, version, truncated, checksum mismatch).
    LexiconFormat,
    /// A policy file is malformed.
    Policy,
    /// Input text is not valid UTF-8 or is larger than the configured limit.
    Input,
    /// Reading or writing a file failed.
    Io,
    /// A configured size limit was exceeded while building.
    Limit,
}

/// An error from citescan. Messages are lower case without a trailing period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without the kind.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
