"""The library's content: the Q&A page format and importer, guides, glossary, the seed builder,
and :class:`~breastedu.core.content.service.ContentService`, which reads the content DB.

``schema`` and ``engine`` are internal to content (search reads the same DB through the
engine the service hands it); callers get frozen dataclasses from ``dto``.
"""
