"""Retrieval: query understanding, lexical and dense candidates, fusion, collapse, facets, snippets."""
