"""Inserting many rows with one `executemany` per batch: the deadline sweep writes tens of thousands at once.

Django's `bulk_create` compiles every value of every row into its SQL through the field's full preparation;
at the sweep's 70,000 rows (notifications, emails, their queued jobs, reminder records) that compilation was
most of the sweep's time. `insert_many` prepares each value as `bulk_create` does (`pre_save`, then
`get_db_prep_save`) except where that preparation would return the value unchanged: a str for a plain text
field, an int for a plain integer field or a key to one, a bool for a boolean field, None where the column
allows it. The statement is compiled once and each batch sent as one `executemany`, in the caller's
transaction. Unlike `bulk_create` it gives database-assigned keys back to nobody: callers that need them
read them back by a unique key, or use models whose key is made in Python (a UUID).
"""

from django.db import connections, models, router

_TEXT = {models.CharField, models.TextField, models.EmailField, models.SlugField, models.URLField}
_INTEGER = {
    models.IntegerField,
    models.SmallIntegerField,
    models.BigIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
    models.AutoField,
    models.BigAutoField,
    models.SmallAutoField,
}


def _kind(field):
    """'text', 'integer' or 'boolean' when a value of that type passes unchanged; None otherwise."""
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    kind = type(target)
    if kind in _TEXT:
        return "text"
    if kind in _INTEGER:
        return "integer"
    if kind is models.BooleanField:
        return "boolean"
    return None


def _preparer(field, connection):
    kind = _kind(field)
    attname = field.attname
    plain_pre_save = type(field) is models.ForeignKey or kind is not None

    def prepare(obj):
        value = getattr(obj, attname) if plain_pre_save else field.pre_save(obj, add=True)
        if value is None and field.null:
            return None
        if (
            (kind == "text" and isinstance(value, str))
            or (kind == "integer" and type(value) is int)
            or (kind == "boolean" and type(value) is bool)
        ):
            return value
        return field.get_db_prep_save(value, connection=connection)

    return prepare


def insert_many(model, objects, *, batch_size=1000):
    """Inserts `objects` (unsaved instances of `model`); returns how many. A unique key broken by any row raises
    IntegrityError for the batch, as `bulk_create` would; run it inside a transaction to keep none of them."""
    objects = list(objects)
    if not objects:
        return 0
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    # A key the database assigns is left out, as bulk_create leaves it out for rows without one.
    fields = [field for field in meta.concrete_fields if not (field.primary_key and field.db_returning)]
    prepares = [_preparer(field, connection) for field in fields]
    quote = connection.ops.quote_name
    # Only the model's own table and column names (quoted) go into the statement; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(objects), batch_size):
            batch = objects[start : start + batch_size]
            cursor.executemany(sql, [tuple(prepare(obj) for prepare in prepares) for obj in batch])
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
    return len(objects)
