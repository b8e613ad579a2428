"""Extraction runs numpy's BLAS on one thread, and gives the process its threads back."""

from threadpoolctl import threadpool_info, threadpool_limits

from diplograph.ingest.nlp import one_blas_thread


def blas_threads() -> list[int]:
    """Return the thread count of each BLAS library loaded in this process."""
    return [int(pool["num_threads"]) for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_one_blas_thread_holds_blas_to_one_thread_then_restores_it() -> None:
    with threadpool_limits(limits=2, user_api="blas"):
        before = blas_threads()
        assert before and set(before) == {2}  # numpy's OpenBLAS, loaded with spaCy
        with one_blas_thread():
            assert blas_threads() == [1] * len(before)
        assert blas_threads() == before
