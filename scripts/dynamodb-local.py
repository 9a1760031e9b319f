#!/usr/bin/env python3
"""The project's embedded DynamoDB-compatible backend: moto's server, one request at a time.

moto keeps its tables in plain Python structures and is not safe under concurrent requests
(parallel conditional transactions can all pass their checks and overshoot a cap). DynamoDB makes
each request atomic; serving moto's WSGI app behind one lock, each request handled whole before the
next, restores exactly that. Keep-alive connections are still served on their own threads.

Usage: dynamodb-local.py [--host 127.0.0.1] [--port 0] [--port-file FILE] [--exit-on-stdin-eof] [--stock-moto]
Prints "dynamodb-local listening on http://HOST:PORT" once the socket accepts connections.
"""
import argparse
import logging
import os
import sys
import threading

# The speed fixes below patch moto 5.2's internals, and the tests rely on its DynamoDB semantics.
SUPPORTED_MOTO = "5.2."
PINNED_MOTO = "5.2.1"

try:
    import moto
    from moto.server import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import make_server
except ImportError:
    sys.stderr.write("moto_server is missing: install it with  pip install 'moto[server]==%s'\n" % PINNED_MOTO)
    sys.exit(3)

if not getattr(moto, "__version__", "").startswith(SUPPORTED_MOTO):
    sys.stderr.write("moto %s is installed, but the embedded backend is built on moto %sx: install it with"
                     "  pip install 'moto[server]==%s'\n" % (getattr(moto, "__version__", "?"), SUPPORTED_MOTO, PINNED_MOTO))
    sys.exit(4)


def install_item_level_transaction_backup():
    """Keeps moto's transaction semantics but backs up only the items a transaction writes.

    moto 5.2 deep-copies every table a TransactWriteItems touches (once per item of the request) so
    that it can roll back; each transaction then costs time in proportion to the whole table, and a
    test suite that fills a table slows down quadratically. Requests are serialized (above), so it
    is enough to copy the touched items before the transaction and put them back if it fails.
    A failed transaction's stream records go too: moto writes each item's record as it applies the
    item, before a later item's condition cancels the transaction, and DynamoDB records nothing of a
    cancelled transaction (a stream reader would see removals and changes that never happened).
    """
    import copy

    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table

    original = DynamoDBBackend.transact_write_items

    def transact_write_items(self, transact_items):
        backups = []
        for entry in transact_items:
            _, op = next(iter(entry.items()))
            table = self.tables.get(op.get("TableName"))
            if table is None:
                continue
            key = op.get("Key") or op.get("Item") or {}
            if table.hash_key_attr not in key:
                continue
            hash_key = DynamoType(key[table.hash_key_attr])
            range_key = None
            if table.has_range_key:
                if table.range_key_attr not in key:
                    continue
                range_key = DynamoType(key[table.range_key_attr])
            item = table.get_item(hash_key, range_key)
            backups.append((table, hash_key, range_key, copy.deepcopy(item) if item is not None else None))

        streams = {id(t): (t.stream_shard, len(t.stream_shard.items)) for t, _, _, _ in backups if t.stream_shard is not None}
        Table.__deepcopy__ = lambda table, memo: table  # moto's own whole-table backup becomes a no-op
        try:
            return original(self, transact_items)
        except Exception:
            for shard, length in streams.values():
                del shard.items[length:]
            for table, hash_key, range_key, item in reversed(backups):
                if range_key is None:
                    table.items.pop(hash_key, None)
                    if item is not None:
                        table.items[hash_key] = item
                else:
                    table.items[hash_key].pop(range_key, None)
                    if item is not None:
                        table.items[hash_key][range_key] = item
            raise
        finally:
            del Table.__deepcopy__

    DynamoDBBackend.transact_write_items = transact_write_items


def install_partition_scoped_queries():
    """Makes a Query on the table or a local secondary index read only its partition.

    moto 5.2 answers every Query by sorting and scanning all items of the whole table, so a query's
    cost grows with every other user's data. A base-table or LSI query names the table's partition
    key, and in DynamoDB reads only that partition: hand moto just that partition's items.
    """
    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table

    original = Table.query

    def query(self, hash_key, *args, **kwargs):
        # query(hash_key, range_comparison, range_objs, limit, exclusive_start_key,
        #       scan_index_forward, projection_expressions, index_name, ...)
        index_name = args[6] if len(args) > 6 else kwargs.get("index_name")
        local = index_name is None or any(i.name == index_name for i in (self.indexes or []))
        if not (local and self.has_range_key and isinstance(hash_key, DynamoType)):
            return original(self, hash_key, *args, **kwargs)
        partition = list(self.items.get(hash_key, {}).values())
        self.all_items = lambda: partition  # shadows the method for this call only
        try:
            return original(self, hash_key, *args, **kwargs)
        finally:
            del self.all_items

    Table.query = query


def install_one_stream_record_per_update():
    """Makes an UpdateItem that creates its item leave one stream record, as DynamoDB does.

    moto 5.2 creates such an item with a key-only put, which records an INSERT, before applying the
    update, which records a second INSERT with the whole item: a stream consumer would count two
    creations. The key-only put is kept out of the stream. (A fidelity fix: installed with --stock-moto too.)
    """
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.table import Table

    original_update = DynamoDBBackend.update_item
    original_put = Table.put_item
    updating = threading.local()

    def put_item(self, *args, **kwargs):
        if not getattr(updating, "active", False) or self.stream_shard is None:
            return original_put(self, *args, **kwargs)
        shard, self.stream_shard = self.stream_shard, None
        try:
            return original_put(self, *args, **kwargs)
        finally:
            self.stream_shard = shard

    def update_item(self, *args, **kwargs):
        updating.active = True
        try:
            return original_update(self, *args, **kwargs)
        finally:
            updating.active = False

    Table.put_item = put_item
    DynamoDBBackend.update_item = update_item


class SerializedApp:
    """Runs each WSGI request to completion, body included, while holding one lock."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            captured = {}

            def capture(status, headers, exc_info=None):
                captured["status"], captured["headers"] = status, headers
                return lambda _data: None

            import time as _t
            _t0 = _t.perf_counter()
            result = self.app(environ, capture)
            try:
                body = b"".join(result)
            finally:
                close = getattr(result, "close", None)
                if close:
                    close()
            _dt = _t.perf_counter() - _t0
            if os.environ.get("DDB_SLOWLOG") and _dt > 0.05:
                print("SLOW %.0fms %s" % (_dt * 1000, environ.get("HTTP_X_AMZ_TARGET")), flush=True)
        start_response(captured["status"], captured["headers"])
        return [body]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--port-file", help="write the chosen port here once listening")
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="stop when the parent process closes our stdin (dies or exits)")
    parser.add_argument("--stock-moto", action="store_true",
                        help="without the two speed fixes below (whole-table transaction copies, whole-table "
                             "queries): only for the benchmark that measures what they save")
    args = parser.parse_args()

    if not args.stock_moto:
        install_item_level_transaction_backup()
        install_partition_scoped_queries()
    install_one_stream_record_per_update()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    app = SerializedApp(DomainDispatcherApplication(create_backend_app))
    server = make_server(args.host, args.port, app, threaded=True)
    port = server.server_port
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(str(port))
        os.replace(tmp, args.port_file)
    print(f"dynamodb-local listening on http://{args.host}:{port}", flush=True)

    if args.exit_on_stdin_eof:
        def watch_parent():
            sys.stdin.read()
            os._exit(0)
        threading.Thread(target=watch_parent, daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
