"""The knowledge layer: facts read from the passages, practice records built from them at ingest (one per city
x intervention area x phase), editors' reviews, and the read model every view renders."""
