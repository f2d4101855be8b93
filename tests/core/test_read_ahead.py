"""The parse worker reads the next files while the main process embeds a batch (`READ_AHEAD_FILES`): with one
BLAS thread per process the two take a core each, so a full ingest is not its parses plus its embedding."""

from __future__ import annotations

from ingest.pipeline import WRITE_BATCH_FILES, IngestPipeline
from lgnet.embedders import get_embedder
from tests.conftest import make_settings, write_notes


def test_the_next_files_are_read_while_a_batch_is_embedded(tmp_path):
    folder = tmp_path / "corpus"
    files = write_notes(folder, WRITE_BATCH_FILES + 6)
    settings = make_settings(tmp_path / "data")
    model = get_embedder(settings.embedding_model, settings.threads)
    queued_while_embedding: list[bool] = []

    class Watching:
        name, dim = model.name, model.dim

        def warm_up(self) -> None:
            model.warm_up()

        def embed(self, texts: list[str]):
            queue = pipeline._queue
            queued_while_embedding.append(queue is not None and files[WRITE_BATCH_FILES] in queue)
            return model.embed(texts)

    pipeline = IngestPipeline(settings, embedder=Watching(), progress=False)  # type: ignore[arg-type]
    report = pipeline.run([folder])
    assert report.ok and report.files_ingested == len(files)
    assert queued_while_embedding[0]  # the first batch's embedding: the file after it already handed to the worker
