"""Practice records built from the corpus (figures, partners, activities, target groups, period, sources),
their catalogue (search, facets, similar), trainers' dossiers and their exports."""
