"""The worker recovers by itself: from a lost database connection (it reconnects and puts the task in hand back in
the queue) and from a dead worker on its own machine (its tasks go back at once, without waiting for its heartbeat
to go stale). The same with real processes on PostgreSQL: safeguarding/core/tests/test_faults.py."""

import os
import subprocess
import sys

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from safeguarding.core.clocks.models import PolicySetting
from safeguarding.jobs import worker as worker_module
from safeguarding.jobs.models import WorkerHeartbeat
from safeguarding.jobs.worker import Worker, beat, live_worker_ids, process_gone, rescue_abandoned_tasks

from . import jobs_for_tests


def _task(result):
    return DBTaskResult.objects.get(pk=result.id)


def _dead_pid():
    process = subprocess.Popen([sys.executable, "-c", "pass"])  # noqa: S603 (the running Python itself)
    process.wait()
    return process.pid


def test_a_process_that_has_ended_is_gone_and_a_running_one_is_not():
    assert process_gone(_dead_pid())
    assert not process_gone(os.getpid())


@pytest.mark.django_db
def test_a_dead_worker_on_this_machine_loses_its_tasks_at_once_one_elsewhere_only_when_stale():
    result = jobs_for_tests.count_once.enqueue("orphaned")
    Worker(worker_id="gone", schedules=False, heartbeat_thread=False).claim_next()
    beat("gone", timezone.now())
    beat("elsewhere", timezone.now())
    # Both beat just now; one's process has ended on this machine, the other runs on another machine.
    WorkerHeartbeat.objects.filter(worker_id="gone").update(pid=_dead_pid())
    WorkerHeartbeat.objects.filter(worker_id="elsewhere").update(hostname="another-machine", pid=_dead_pid())
    assert live_worker_ids() >= {"elsewhere"} and "gone" not in live_worker_ids()
    assert rescue_abandoned_tasks() == 1
    task = _task(result)
    assert task.status == TaskResultStatus.READY
    assert "The worker gone stopped during this task" in task.traceback


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_loses_its_connection_carries_on_and_puts_the_task_in_hand_back(monkeypatch):
    failing = jobs_for_tests.always_fails.enqueue()
    counted = jobs_for_tests.count_once.enqueue("after-the-loss")
    real_requeue = worker_module._requeue
    lost = {"claims": 0, "requeues": 0}

    def claim_after_a_loss(self, real=Worker.claim_next):
        lost["claims"] += 1
        if lost["claims"] == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(self)

    def requeue_after_a_loss(db_result, **fields):
        lost["requeues"] += 1
        if lost["requeues"] == 1:  # the failure cannot be written: the connection has gone
            raise OperationalError("terminating connection due to administrator command")
        real_requeue(db_result, **fields)

    monkeypatch.setattr(Worker, "claim_next", claim_after_a_loss)
    monkeypatch.setattr(worker_module, "_requeue", requeue_after_a_loss)
    ran = Worker(worker_id="steady", schedules=False, heartbeat_thread=False, interval=0.01).run(until_empty=True)

    assert ran == 1  # it stopped neither at the lost claim nor at the lost write, and ran the next task
    task = _task(failing)
    assert task.status == TaskResultStatus.READY and task.worker_ids == ["steady"]  # back in the queue, to retry
    assert task.exception_class_path == "builtins.RuntimeError"  # the job's own error, not the connection's
    assert _task(counted).status == TaskResultStatus.SUCCESSFUL
    assert PolicySetting.objects.filter(key="after-the-loss").count() == 1
