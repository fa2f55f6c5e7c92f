"""Background runner: every store call that may take over ~100 ms runs here, off the GUI thread.

The habit comes from Anki's "operations": a slot reads its widgets, hands a plain function to
``runner.submit`` and gives an ``on_success`` callback that updates the view. Callbacks always run on the
GUI thread: workers only emit the signals of one long-lived ``_Bus`` object, queued to the runner, which
lives in the GUI thread. Workers never touch widgets.

Why one bus and plain ``Task`` objects (no QRunnable or QObject per task): a per-task QObject would be
deleted by Python's reference counting at a moment Qt does not expect (inside its own event delivery, or
on the worker thread while it is still emitting), which crashes under load. The bus outlives every task.

PySide6 6.12.0 bug worked around here: ``signal.emit(True)`` from Python (``Signal(bool)`` or a bool inside
``Signal(object)``) drops a reference to ``True``/``False`` each time, and after some hundred emissions
Python aborts ("bool_dealloc: deallocating True or False"). So ``busy_changed`` carries an int and results
travel wrapped in a 1-tuple. Signals emitted by Qt itself (``toggled(bool)``) are not affected.

Cancelling: ``Task.cancel()`` sets a flag. A task started with ``progress=True`` receives the task as its
first argument and passes ``task.report`` as the core's ``progress(done, total) -> keep_going`` callback,
so the core stops at its next check (evidence hashing, demo seeding). For plain queries a cancelled task's
result is simply dropped (a newer query superseded it).
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


class _Bus(QObject):
    """Emitted from worker threads, delivered (queued) to the runner on the GUI thread.

    Signals:
        progress(int, int, int): task id, done, total.
        succeeded(int, object): task id, the function's return value.
        failed(int, object): task id, the exception it raised.
    """

    progress = Signal(int, int, int)
    succeeded = Signal(int, object)
    failed = Signal(int, object)


class Task:
    """One background call. Keep the returned object to cancel it or to check ``done``."""

    def __init__(self, task_id: int, fn: Callable[..., Any], *, pass_task: bool, name: str, bus: _Bus) -> None:
        self.id = task_id
        self.fn = fn
        self.name = name
        self.pass_task = pass_task
        self._bus = bus
        self._cancel = threading.Event()
        self.done = False
        self.started_at = time.perf_counter()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> bool:
        """Progress callback for the core (worker thread): returns False once cancelled."""
        self._bus.progress.emit(self.id, int(min(done, 2**31 - 1)), int(min(total, 2**31 - 1)))
        return not self._cancel.is_set()

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(self) if self.pass_task else self.fn()
        except BaseException as exc:  # delivered to the GUI thread, shown there
            self._bus.failed.emit(self.id, exc)
        else:
            self._bus.succeeded.emit(self.id, (result,))  # wrapped: a bare bool would lose a reference


@dataclass
class _Pending:
    task: Task
    on_success: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int], None] | None


class TaskRunner(QObject):
    """Runs plain functions on a small thread pool and calls back on the GUI thread.

    Signals:
        busy_changed(int): 1 when the first task starts, 0 when the last one ends (an int: see above).
    """

    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 3) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._bus = _Bus(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._bus.progress.connect(self._on_progress, queued)
        self._bus.succeeded.connect(self._on_succeeded, queued)
        self._bus.failed.connect(self._on_failed, queued)
        self._pending: dict[int, _Pending] = {}
        self._ids = itertools.count(1)
        self.default_error_handler: Callable[[BaseException], None] | None = None
        self._closed = False

    def submit(self, fn: Callable[..., Any], *, on_success: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[int, int], None] | None = None, progress: bool = False,
               name: str = "") -> Task:
        """Run ``fn()`` (or ``fn(task)`` with ``progress=True``) in the background; returns the task."""
        task = Task(next(self._ids), fn, pass_task=progress, name=name or getattr(fn, "__name__", "task"),
                    bus=self._bus)
        if self._closed:  # the application is quitting: nothing new starts
            task.cancel()
            task.done = True
            return task
        was_idle = not self._pending
        self._pending[task.id] = _Pending(task, on_success, on_error, on_progress)
        if was_idle:
            self.busy_changed.emit(1)
        self.pool.start(task.run)
        return task

    # ------------------------------------------------------------------ delivery (GUI thread)

    @Slot(int, int, int)
    def _on_progress(self, task_id: int, done: int, total: int) -> None:
        p = self._pending.get(task_id)
        if p is not None and p.on_progress is not None and not p.task.cancelled:
            self._call(p, p.on_progress, done, total)

    @Slot(int, object)
    def _on_succeeded(self, task_id: int, wrapped: tuple[object]) -> None:
        p = self._finish(task_id)
        if p is not None and p.on_success is not None and not p.task.cancelled:
            self._call(p, p.on_success, wrapped[0])

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc: BaseException) -> None:
        p = self._finish(task_id)
        if p is None or (p.task.cancelled and type(exc).__name__ == "Cancelled"):
            return  # the user asked for it: nothing to report
        handler = p.on_error or self.default_error_handler
        if handler is not None:
            self._call(p, handler, exc)
        else:
            log.error("background task %s failed", p.task.name, exc_info=exc)

    def _finish(self, task_id: int) -> _Pending | None:
        p = self._pending.pop(task_id, None)
        if p is not None:
            p.task.done = True
            if not self._pending:
                self.busy_changed.emit(0)
        return p

    @staticmethod
    def _call(p: _Pending, callback: Callable[..., None], *args: Any) -> None:
        try:
            callback(*args)
        except RuntimeError as exc:
            # The widget that asked was closed and deleted meanwhile: its answer has nowhere to go.
            if "already deleted" not in str(exc):
                raise
            log.debug("result of %s dropped: its receiver is gone", p.task.name)

    # ------------------------------------------------------------------ state

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """Process events until no task is pending (screenshots, benchmarks, shutdown). True if idle."""
        deadline = time.monotonic() + timeout_ms / 1000
        app = QApplication.instance()
        while self._pending and time.monotonic() < deadline:
            self.pool.waitForDone(20)
            if app is not None:
                app.processEvents()
        return not self._pending

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel what can be cancelled and wait for the workers (on quit: no thread outlives the app)."""
        self._closed = True
        for p in self._pending.values():
            p.task.cancel()
        self.pool.waitForDone(timeout_ms)
