"""Liveness and readiness probes for the load balancer and the orchestrator."""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from safeguarding.jobs.health import worker_health


@require_GET
@never_cache
def healthz(request):
    """The process is up and answering; says nothing about its dependencies."""
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def readyz(request):
    """Ready to serve: the database answers and every migration has been applied."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    if unapplied:
        return JsonResponse(
            {"status": "unavailable", "database": "ok", "unapplied_migrations": len(unapplied)}, status=503
        )
    # Without a worker no email goes and no deadline is swept: the service is not ready, even if pages answer.
    worker = worker_health()
    if worker["worker"] != "ok":
        return JsonResponse(
            {"status": "unavailable", "database": "ok", "unapplied_migrations": 0, **worker}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok", "unapplied_migrations": 0, **worker})
