"""Search over questions, guides and topics: a tantivy index derived from the content DB
(``index``), the text rules shared by indexing and querying (``text``, ``synonyms``), the query
layer (``service``: all words first, titles over text, exact topic first, did-you-mean) and the
one highlighter (``highlight``) that snippets, result titles and opened pages all use."""
