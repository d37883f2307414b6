"""Index engines: lexical backends (tantivy, whoosh), the query language, spelling, vectors."""
