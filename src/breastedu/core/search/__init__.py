"""Search over questions, guides and topics: the index built into the content DB and the query
layer (synonyms, did-you-mean, exact topic first, snippets)."""
