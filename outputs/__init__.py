"""outputs: the resolved graph and the questions' rows -> what leaves chidao.

``viz`` (the offline interactive page; its script, style and template are package
data in ``outputs/assets/``), ``neo4j`` (the live export over Bolt and the
questions' Cypher faces on a server), ``files`` (the Cypher script, the
neo4j-admin CSV files, GraphML; the Neo4j Browser style ``neo4j-style.grass``),
``plot`` (the timeline chart) and ``render`` (the questions' rows as text for
people). The labels, types and properties every export writes are the export
schema, ``graph/schema.py``.
"""
