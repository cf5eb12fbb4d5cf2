"""
Private C++ core of gongwen; use the public API of the gongwen package instead.
"""
from __future__ import annotations
import collections.abc
import enum
from gongwen import Token
import numpy
import numpy.typing
import scipy.sparse
import typing
__all__: list[str] = ['Article', 'Bulletin', 'Citation', 'DecodeError', 'DocNumber', 'Document', 'DocumentResult', 'Dtype', 'EmptyDocumentError', 'Field', 'LoadOutcome', 'LoadResult', 'Norm', 'OfficialFields', 'Point', 'Section', 'Segmenter', 'TermCounter', 'Token', 'TopicMethod', 'TopicModel', 'clean_text', 'cosine_similarities_dense', 'cosine_similarities_sparse', 'decode_bytes', 'default_stop_words', 'discover_words', 'doc_number_key', 'evaluate_segmentation', 'find_citations', 'find_reuse', 'inverse_document_frequency', 'is_archive_name', 'keyword_eligible', 'list_archive', 'load_bulletins', 'load_documents', 'load_stop_words', 'load_topic_model', 'load_vectorizer', 'most_similar_dense', 'most_similar_dense_queries', 'most_similar_sparse', 'most_similar_sparse_queries', 'murmurhash3', 'parse_bulletin', 'parse_doc_number', 'parse_document', 'read_bulletin', 'read_document', 'read_suffixes', 'read_text', 'save_topic_model', 'save_vectorizer', 'title_key', 'top_terms', 'unsupported_format']
class DecodeError(ValueError):
    pass
class EmptyDocumentError(ValueError):
    pass
class Point:
    """
    A numbered point (一是, 二是, ...); offsets into Bulletin.text.
    """
    @property
    def end(self) -> int:
        ...
    @property
    def heading(self) -> str:
        ...
    @property
    def number(self) -> int:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text_span(self) -> tuple[int, int]:
        ...
class Section:
    """
    A numbered section (一、 / （一） / 1．/ 第一章).
    """
    @property
    def end(self) -> int:
        ...
    @property
    def heading(self) -> str:
        ...
    @property
    def marker(self) -> str:
        ...
    @property
    def number(self) -> int:
        ...
    @property
    def points(self) -> list[Point]:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text_span(self) -> tuple[int, int]:
        ...
class Article:
    """
    One article of a bulletin.
    """
    @property
    def author(self) -> str | None:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def points(self) -> list[Point]:
        ...
    @property
    def sections(self) -> list[Section]:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text_span(self) -> tuple[int, int]:
        ...
    @property
    def title(self) -> str:
        ...
class Bulletin:
    """
    A parsed bulletin.
    """
    @property
    def articles(self) -> list[Article]:
        ...
    @property
    def copies(self) -> int | None:
        ...
    @property
    def credits(self) -> list[tuple[str, str]]:
        ...
    @property
    def date(self) -> tuple[int, int, int] | None:
        ...
    @property
    def distribution(self) -> list[tuple[str, list[str]]]:
        ...
    @property
    def editor(self) -> str | None:
        ...
    @property
    def editor_note(self) -> str | None:
        ...
    @property
    def encoding(self) -> str:
        ...
    @property
    def instructions(self) -> str | None:
        ...
    @property
    def issue(self) -> int | None:
        ...
    @property
    def issue_total(self) -> int | None:
        ...
    @property
    def notices(self) -> list[str]:
        ...
    @property
    def path(self) -> str:
        ...
    @property
    def publication(self) -> str | None:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def year(self) -> int | None:
        ...
class LoadOutcome:
    """
    How loading one file of a corpus went.
    """
    @property
    def error(self) -> str:
        ...
    @property
    def error_number(self) -> int:
        ...
    @property
    def error_type(self) -> str:
        ...
    @property
    def path(self) -> str:
        ...
class LoadResult(LoadOutcome):
    """
    A file of a corpus loaded as a bulletin.
    """
    @property
    def bulletin(self) -> Bulletin | None:
        ...
class DocNumber:
    """
    A 发文字号 as printed and parsed.
    """
    @property
    def agency(self) -> str:
        ...
    @property
    def serial(self) -> int | None:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def year(self) -> int | None:
        ...
class Citation:
    """
    A document cited by 文号, by title, or both.
    """
    @property
    def end(self) -> int:
        ...
    @property
    def number(self) -> DocNumber | None:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def title(self) -> str:
        ...
class Field:
    """
    A printed element: its value and its span in Document.text.
    """
    @property
    def span(self) -> tuple[int, int]:
        ...
    @property
    def value(self) -> str:
        ...
class OfficialFields:
    """
    The elements of an official document.
    """
    @property
    def attachment_list(self) -> list[Field]:
        ...
    @property
    def attachments(self) -> list[Field]:
        ...
    @property
    def body(self) -> tuple[int, int]:
        ...
    @property
    def cc(self) -> list[Field]:
        ...
    @property
    def conflicts(self) -> list[str]:
        ...
    @property
    def copy_number(self) -> Field | None:
        ...
    @property
    def date(self) -> tuple[int, int, int] | None:
        ...
    @property
    def date_line(self) -> Field | None:
        ...
    @property
    def doc_number(self) -> Field | None:
        ...
    @property
    def doc_type(self) -> str:
        ...
    @property
    def issuer_marks(self) -> list[Field]:
        ...
    @property
    def issuers(self) -> list[str]:
        ...
    @property
    def metadata(self) -> list[tuple[str, Field]]:
        ...
    @property
    def notes(self) -> list[Field]:
        ...
    @property
    def number(self) -> DocNumber | None:
        ...
    @property
    def printed_by(self) -> Field | None:
        ...
    @property
    def printed_date(self) -> tuple[int, int, int] | None:
        ...
    @property
    def recipients(self) -> list[Field]:
        ...
    @property
    def secrecy(self) -> Field | None:
        ...
    @property
    def signatories(self) -> list[Field]:
        ...
    @property
    def signers(self) -> list[Field]:
        ...
    @property
    def title(self) -> Field | None:
        ...
    @property
    def urgency(self) -> Field | None:
        ...
class Document:
    """
    A parsed document of any kind.
    """
    @property
    def citations(self) -> list[Citation]:
        ...
    @property
    def evidence(self) -> list[str]:
        ...
    @property
    def format(self) -> str:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def metadata(self) -> list[tuple[str, str]]:
        ...
    @property
    def official(self) -> OfficialFields:
        ...
    @property
    def parsed(self) -> Bulletin:
        ...
class DocumentResult(LoadOutcome):
    """
    A file of a corpus loaded as a document.
    """
    @property
    def document(self) -> Document | None:
        ...
class Segmenter:
    """
    Chinese word segmenter (see gongwen.Segmenter).
    """
    @staticmethod
    def deserialize(data: bytes) -> Segmenter:
        ...
    def __init__(self, dictionary: str | None = None, to_simplified: bool = False, unknown_words: bool = True, granularity: typing.SupportsFloat | typing.SupportsIndex = 2.0) -> None:
        ...
    def adapt_frequencies(self, texts: collections.abc.Sequence[str], weight: typing.SupportsFloat | typing.SupportsIndex = 1.0, n_threads: typing.SupportsInt | typing.SupportsIndex = 0) -> int:
        """
        Re-estimates word frequencies from texts; returns how many changed.
        """
    def add_word(self, word: str, freq: typing.SupportsFloat | typing.SupportsIndex | None = None, tag: str = '') -> None:
        ...
    def cut(self, text: str) -> list:
        """
        The words of text (white space dropped).
        """
    def cut_many(self, texts: collections.abc.Sequence[str], n_threads: typing.SupportsInt | typing.SupportsIndex = 0) -> list:
        """
        The words of each text, segmented on n_threads threads (0: one per core).
        """
    def del_word(self, word: str) -> bool:
        ...
    def lexicon_size(self) -> int:
        ...
    def load_userdict(self, path: str) -> int:
        ...
    def serialize(self) -> bytes:
        ...
    def suggest_freq(self, word: str) -> float:
        ...
    def tag_name(self, tag: typing.SupportsInt | typing.SupportsIndex) -> str:
        ...
    def tokenize(self, text: str) -> list:
        """
        The tokens of text as gongwen.Token tuples.
        """
    def word_frequency(self, word: str) -> float | None:
        ...
    @property
    def granularity(self) -> float:
        ...
    @property
    def to_simplified(self) -> bool:
        ...
    @property
    def unknown_words(self) -> bool:
        ...
class Norm(enum.Enum):
    """
    Row normalisation.
    """
    l1: typing.ClassVar[Norm]
    l2: typing.ClassVar[Norm]
    none: typing.ClassVar[Norm]
    @classmethod
    def __new__(cls, value):
        ...
class Dtype(enum.Enum):
    """
    The element type of a counter's matrix.
    """
    float32: typing.ClassVar[Dtype]
    float64: typing.ClassVar[Dtype]
    int32: typing.ClassVar[Dtype]
    int64: typing.ClassVar[Dtype]
    @classmethod
    def __new__(cls, value):
        ...
class TermCounter:
    """
    Counts the terms of documents added in batches.
    """
    @staticmethod
    def fixed(ngram_min: typing.SupportsInt | typing.SupportsIndex, ngram_max: typing.SupportsInt | typing.SupportsIndex, lowercase: bool, stop_words: collections.abc.Sequence[str], vocabulary: collections.abc.Sequence[str], keep_rows: bool) -> TermCounter:
        ...
    @staticmethod
    def hashing(ngram_min: typing.SupportsInt | typing.SupportsIndex, ngram_max: typing.SupportsInt | typing.SupportsIndex, lowercase: bool, stop_words: collections.abc.Sequence[str], n_features: typing.SupportsInt | typing.SupportsIndex, alternate_sign: bool) -> TermCounter:
        ...
    @staticmethod
    def learning(ngram_min: typing.SupportsInt | typing.SupportsIndex, ngram_max: typing.SupportsInt | typing.SupportsIndex, lowercase: bool, stop_words: collections.abc.Sequence[str], keep_rows: bool) -> TermCounter:
        ...
    def add_texts(self, texts: collections.abc.Sequence[str], segmenter: Segmenter, n_threads: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        Segments and counts texts, one document each.
        """
    def add_word_lists(self, documents: collections.abc.Sequence) -> int:
        """
        Counts documents given as lists (or tuples) of str; returns -1, or the position of the first document that is not a list of str (the documents before it are counted).
        """
    def finish(self, min_df: typing.SupportsFloat | typing.SupportsIndex = 1.0, min_df_share: bool = False, max_df: typing.SupportsFloat | typing.SupportsIndex = 1.0, max_df_share: bool = True, max_features: typing.SupportsInt | typing.SupportsIndex | None = None) -> tuple[list[str], numpy.typing.NDArray[numpy.int64], int]:
        """
        Ends counting: (terms, document frequencies, documents).
        """
    def matrix(self, dtype: Dtype, binary: bool = False, norm: Norm = ..., sublinear_tf: bool = False, idf: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = []) -> typing.Annotated[scipy.sparse.csr_matrix, numpy.float32] | typing.Annotated[scipy.sparse.csr_matrix, numpy.float64] | typing.Annotated[scipy.sparse.csr_matrix, numpy.int32] | typing.Annotated[scipy.sparse.csr_matrix, numpy.int64]:
        """
        The counts as a scipy.sparse.csr_matrix of dtype, weighted by idf and normalised.
        """
    @property
    def documents(self) -> int:
        ...
class TopicMethod(enum.Enum):
    """
    How topics are found.
    """
    lsa: typing.ClassVar[TopicMethod]
    nmf: typing.ClassVar[TopicMethod]
    @classmethod
    def __new__(cls, value):
        ...
class TopicModel:
    """
    A topic model (LSA or NMF) of a document-term matrix.
    """
    def __init__(self, method: TopicMethod, n_topics: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex, n_iter: typing.SupportsInt | typing.SupportsIndex, n_oversamples: typing.SupportsInt | typing.SupportsIndex, max_iter: typing.SupportsInt | typing.SupportsIndex, tol: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @typing.overload
    def fit_transform(self, matrix: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float32], n_threads: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Annotated[numpy.typing.NDArray[numpy.float32], "[m, n]"]:
        ...
    @typing.overload
    def fit_transform(self, matrix: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float64], n_threads: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        Fits the model to a CSR matrix; returns the documents' topic weights (float32 for float32 data).
        """
    @typing.overload
    def transform(self, matrix: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float32], n_threads: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Annotated[numpy.typing.NDArray[numpy.float32], "[m, n]"]:
        ...
    @typing.overload
    def transform(self, matrix: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float64], n_threads: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        The topic weights of the documents of a CSR matrix.
        """
    @property
    def components(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, n]"]:
        """
        The topics as weights of terms (a copy, topics x terms).
        """
    @property
    def explained_variance(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def explained_variance_ratio(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
    @property
    def fitted(self) -> bool:
        ...
    @property
    def iterations(self) -> int:
        ...
    @property
    def method(self) -> TopicMethod:
        ...
    @property
    def n_terms(self) -> int:
        ...
    @property
    def n_topics(self) -> int:
        ...
    @property
    def reconstruction_error(self) -> float:
        ...
    @property
    def singular_values(self) -> typing.Annotated[numpy.typing.NDArray[numpy.float64], "[m, 1]"]:
        ...
def clean_text(text: str, drop_page_numbers: bool = True, join_lines: bool = True, fix_spaces: bool = True) -> str:
    """
    Undoes PDF-extraction damage; returns the cleaned text, one paragraph a line.
    """
@typing.overload
def cosine_similarities_dense(rows: typing.Annotated[numpy.typing.ArrayLike, numpy.float32], n_threads: typing.SupportsInt | typing.SupportsIndex) -> numpy.ndarray:
    """
    The rows x rows cosines of a 2-D array's rows.
    """
@typing.overload
def cosine_similarities_dense(rows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], n_threads: typing.SupportsInt | typing.SupportsIndex) -> numpy.ndarray:
    """
    The rows x rows cosines of a 2-D array's rows.
    """
@typing.overload
def cosine_similarities_sparse(rows: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float32], n_threads: typing.SupportsInt | typing.SupportsIndex) -> numpy.ndarray:
    """
    The rows x rows cosines of a CSR matrix's rows.
    """
@typing.overload
def cosine_similarities_sparse(rows: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float64], n_threads: typing.SupportsInt | typing.SupportsIndex) -> numpy.ndarray:
    """
    The rows x rows cosines of a CSR matrix's rows.
    """
def decode_bytes(data: bytes, encoding: str = '', name: str = '<bytes>') -> tuple[str, str, str, list[tuple[str, str]]]:
    """
    Decodes bytes as read_text decodes a file; returns (text, encoding, format, metadata).
    """
def default_stop_words() -> list[str]:
    """
    The default Chinese stop-word list.
    """
def discover_words(texts: collections.abc.Sequence[str], min_count: typing.SupportsInt | typing.SupportsIndex = 5, min_length: typing.SupportsInt | typing.SupportsIndex = 2, max_length: typing.SupportsInt | typing.SupportsIndex = 6, min_cohesion: typing.SupportsFloat | typing.SupportsIndex = 3.0, min_entropy: typing.SupportsFloat | typing.SupportsIndex = 1.0, n_threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict:
    """
    Candidate words of a corpus, as columns.
    """
def doc_number_key(number: DocNumber) -> str:
    """
    A key under which two printings of one 文号 compare equal.
    """
def evaluate_segmentation(gold: collections.abc.Sequence[str], predicted: collections.abc.Sequence[str], vocabulary: collections.abc.Sequence[str] | None = None) -> dict:
    """
    SIGHAN bakeoff scores of a segmentation against gold lines.
    """
def find_citations(text: str) -> list[Citation]:
    """
    Every document the text cites, in order; offsets are code points.
    """
def find_reuse(texts: collections.abc.Sequence[str], min_chars: typing.SupportsInt | typing.SupportsIndex = 30, ngram: typing.SupportsInt | typing.SupportsIndex = 8, max_df: typing.SupportsInt | typing.SupportsIndex = 100, min_similarity: typing.SupportsFloat | typing.SupportsIndex = 0.8, to_simplified: bool = False, n_threads: typing.SupportsInt | typing.SupportsIndex = 0) -> dict:
    """
    Passages shared by pairs of texts, as columns of numpy arrays (offsets in code points).
    """
def inverse_document_frequency(document_frequency: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], documents: typing.SupportsInt | typing.SupportsIndex, smooth: bool) -> list[float]:
    """
    ln((1 + n) / (1 + df)) + 1 (smooth) or ln(n / df) + 1 for each term.
    """
def is_archive_name(path: str) -> bool:
    """
    True for a name ending in .zip (an archive of documents).
    """
def keyword_eligible(terms: collections.abc.Sequence[str], stop_words: collections.abc.Sequence[str], segmenter: Segmenter) -> list[int]:
    """
    1 for each term that can be a keyword (words only: no stop word, number or symbol).
    """
def list_archive(path: str) -> list:
    """
    The members of a zip archive: a list of (path, error or '').
    """
def load_bulletins(paths: collections.abc.Sequence[str], n_threads: typing.SupportsInt | typing.SupportsIndex = 0, encoding: str = '') -> list[LoadResult]:
    """
    Reads and parses many files on n_threads threads (0: one per core); errors are recorded per file, in input order.
    """
def load_documents(paths: collections.abc.Sequence[str], n_threads: typing.SupportsInt | typing.SupportsIndex = 0, encoding: str = '') -> list[DocumentResult]:
    """
    Reads and parses many files on n_threads threads (0: one per core); errors are recorded per file, in input order; a .zip archive gives one result per member.
    """
def load_stop_words(path: str) -> list[str]:
    """
    Reads a stop-word file.
    """
def load_topic_model(data: bytes) -> tuple[str, TopicModel | None]:
    """
    (settings, model or None) from the bytes of save_topic_model.
    """
def load_vectorizer(data: bytes) -> tuple[str, typing.Any, numpy.typing.NDArray[numpy.float64], bytes]:
    """
    (settings, (terms, df, documents) or None, idf, segmenter bytes).
    """
@typing.overload
def most_similar_dense(rows: typing.Annotated[numpy.typing.ArrayLike, numpy.float32], k: typing.SupportsInt | typing.SupportsIndex, threshold: typing.SupportsFloat | typing.SupportsIndex | None, n_threads: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    (indices, scores): queries x k arrays of int64 row indices (-1: none) and cosines (NaN: none), most similar first, ties in index order.
    """
@typing.overload
def most_similar_dense(rows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], k: typing.SupportsInt | typing.SupportsIndex, threshold: typing.SupportsFloat | typing.SupportsIndex | None, n_threads: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    (indices, scores): queries x k arrays of int64 row indices (-1: none) and cosines (NaN: none), most similar first, ties in index order.
    """
@typing.overload
def most_similar_dense_queries(rows: typing.Annotated[numpy.typing.ArrayLike, numpy.float32], queries: typing.Annotated[numpy.typing.ArrayLike, numpy.float32], k: typing.SupportsInt | typing.SupportsIndex, threshold: typing.SupportsFloat | typing.SupportsIndex | None, n_threads: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    (indices, scores): queries x k arrays of int64 row indices (-1: none) and cosines (NaN: none), most similar first, ties in index order.
    """
@typing.overload
def most_similar_dense_queries(rows: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], queries: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], k: typing.SupportsInt | typing.SupportsIndex, threshold: typing.SupportsFloat | typing.SupportsIndex | None, n_threads: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    (indices, scores): queries x k arrays of int64 row indices (-1: none) and cosines (NaN: none), most similar first, ties in index order.
    """
@typing.overload
def most_similar_sparse(rows: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float32], k: typing.SupportsInt | typing.SupportsIndex, threshold: typing.SupportsFloat | typing.SupportsIndex | None, n_threads: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    (indices, scores): queries x k arrays of int64 row indices (-1: none) and cosines (NaN: none), most similar first, ties in index order.
    """
@typing.overload
def most_similar_sparse(rows: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float64], k: typing.SupportsInt | typing.SupportsIndex, threshold: typing.SupportsFloat | typing.SupportsIndex | None, n_threads: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    (indices, scores): queries x k arrays of int64 row indices (-1: none) and cosines (NaN: none), most similar first, ties in index order.
    """
@typing.overload
def most_similar_sparse_queries(rows: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float32], queries: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float32], k: typing.SupportsInt | typing.SupportsIndex, threshold: typing.SupportsFloat | typing.SupportsIndex | None, n_threads: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    (indices, scores): queries x k arrays of int64 row indices (-1: none) and cosines (NaN: none), most similar first, ties in index order.
    """
@typing.overload
def most_similar_sparse_queries(rows: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float64], queries: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float64], k: typing.SupportsInt | typing.SupportsIndex, threshold: typing.SupportsFloat | typing.SupportsIndex | None, n_threads: typing.SupportsInt | typing.SupportsIndex) -> tuple:
    """
    (indices, scores): queries x k arrays of int64 row indices (-1: none) and cosines (NaN: none), most similar first, ties in index order.
    """
def murmurhash3(data: str, seed: typing.SupportsInt | typing.SupportsIndex = 0) -> int:
    """
    Signed 32-bit MurmurHash3 of UTF-8 bytes.
    """
def parse_bulletin(text: str) -> Bulletin:
    """
    Parses extracted text into a Bulletin.
    """
def parse_doc_number(text: str) -> DocNumber | None:
    """
    Parses a whole string as one 文号, or returns None.
    """
def parse_document(text: str, metadata: collections.abc.Sequence[tuple[str, str]] = []) -> Document:
    """
    Parses extracted text (and a file's metadata, as (key, value) pairs) into a Document.
    """
def read_bulletin(path: str, encoding: str = '') -> Bulletin:
    """
    Reads, decodes and parses one file.
    """
def read_document(path: str, encoding: str = '') -> Document:
    """
    Reads, decodes and parses one file.
    """
def read_suffixes() -> list[str]:
    """
    The suffixes of the files gongwen reads, lower case.
    """
def read_text(path: str, encoding: str = '') -> tuple[str, str, str, list[tuple[str, str]]]:
    """
    Reads and decodes a file; returns (text, encoding used, format, metadata pairs).
    """
def save_topic_model(settings: str, model: TopicModel | None) -> bytes:
    """
    The bytes of a topic model: settings (JSON) and the model (None: settings only).
    """
def save_vectorizer(settings: str, terms: collections.abc.Sequence[str] | None, document_frequency: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], documents: typing.SupportsInt | typing.SupportsIndex, idf: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], segmenter: bytes) -> bytes:
    """
    The bytes of a vectorizer: settings (JSON), vocabulary, idf and segmenter.
    """
def title_key(title: str) -> str:
    """
    A key under which two printings of one document title compare equal.
    """
@typing.overload
def top_terms(matrix: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float32], eligible: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], top_n: typing.SupportsInt | typing.SupportsIndex) -> list[list[tuple[int, float]]]:
    ...
@typing.overload
def top_terms(matrix: typing.Annotated[scipy.sparse.csr_matrix | scipy.sparse.csr_array, numpy.float64], eligible: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], top_n: typing.SupportsInt | typing.SupportsIndex) -> list[list[tuple[int, float]]]:
    """
    For each row of a CSR matrix, its top_n heaviest eligible (column, weight) pairs.
    """
def unsupported_format(path: str) -> str:
    """
    Why a file of this name is not read ('unsupported format: .xls'), or ''.
    """
__version__: str = '0.1.0'
