"""Pure-Python text analytics: no Django imports here.

Public interface: `normalise.tokens(text, lang)` and `normalise.query_variants(word)`.
"""
