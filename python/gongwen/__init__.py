"""gongwen: parse, segment and compare corpora of Chinese government bulletins.

Reading, parsing and segmenting::

    import gongwen
    corpus = gongwen.Corpus.from_paths("bulletins/")      # a folder of .txt / .pdf files
    frame = corpus.to_frame()                              # one row per article
    b = gongwen.read_bulletin("anqing-zugong-2023-24.txt")
    b.publication, b.issue, b.date, [a.title for a in b.articles]
    gongwen.Segmenter().cut(b.articles[0].text)           # words
    vec = gongwen.TfidfVectorizer(stop_words="zh")
    X = vec.fit_transform(frame["text"])                   # scipy.sparse.csr_matrix
    vec.keywords(X, top_n=5)                               # keywords of each article
    topics = gongwen.TopicModel(10, method="nmf")          # LSA or NMF, scikit-learn style
    topics.fit_transform(X)                                # documents x topics
    indices, scores = gongwen.most_similar(X, top_n=5)    # the 5 most similar articles of each
    gongwen.find_reuse(frame["text"])                      # passages copied between articles
"""

from ._core import __version__
from .analysis import ArticleTopics
from .articles import ArticleTable, TermMatrix
from .bulletin import Article, Bulletin, Point, Section, parse_bulletin, read_bulletin
from .corpus import Corpus, LoadError
from .datasets import sample_dir, sample_paths
from .discover import discover_words
from .display import reuse_html
from .document import (
    KINDS,
    Citation,
    DocNumber,
    Document,
    Part,
    parse_doc_number,
    parse_document,
    read_document,
)
from .errors import DecodeError, EmptyDocumentError, GongwenWarning, NotFittedError
from .reading import clean_text, decode_bytes, detect_encoding, read_text
from .reuse import find_reuse
from .segment import (
    STOP_WORDS,
    SegmentationScores,
    Segmenter,
    Token,
    evaluate_segmentation,
    load_stop_words,
    top_words,
)
from .similarity import most_similar, similarity_matrix
from .topics import TopicModel
from .vectorize import CountVectorizer, HashingVectorizer, TfidfVectorizer, keywords_by_group

__all__ = [
    "KINDS",
    "Article",
    "ArticleTable",
    "ArticleTopics",
    "Bulletin",
    "Citation",
    "CountVectorizer",
    "Corpus",
    "DecodeError",
    "DocNumber",
    "Document",
    "EmptyDocumentError",
    "GongwenWarning",
    "HashingVectorizer",
    "LoadError",
    "NotFittedError",
    "Part",
    "Point",
    "STOP_WORDS",
    "Section",
    "SegmentationScores",
    "Segmenter",
    "TermMatrix",
    "TfidfVectorizer",
    "Token",
    "TopicModel",
    "__version__",
    "clean_text",
    "decode_bytes",
    "detect_encoding",
    "discover_words",
    "evaluate_segmentation",
    "find_reuse",
    "keywords_by_group",
    "load_stop_words",
    "most_similar",
    "parse_bulletin",
    "parse_doc_number",
    "parse_document",
    "read_bulletin",
    "read_document",
    "read_text",
    "reuse_html",
    "sample_dir",
    "sample_paths",
    "similarity_matrix",
    "top_words",
]
