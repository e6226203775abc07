"""The public search on a real Elasticsearch cluster survives one data node stopping.

The cluster (started here, on free ports, with data in tmp, and always stopped): two data
nodes and a third, master-only node of small heap. Two master-eligible nodes are not enough:
Elasticsearch keeps one of them in the voting configuration, and when that one stops the
other has no master, so it still answers searches but refuses every write
(scripts/elasticsearch/README.md). The index has one shard and one replica, as
ELASTICSEARCH_SHARDS=1 and ELASTICSEARCH_REPLICAS=1 make it (settings/base.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search import breaker

from ..conftest import add_column, make_document
from .conftest import DATABASE, elasticsearch_settings, reset_page_index

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch"
NOTICE = "全文检索服务暂时不可用"
HEAP = "-Xms256m -Xmx256m"  # three JVMs on a small machine


@dataclass
class ClusterNode:
    name: str
    port: int
    transport_port: int
    data_dir: Path
    roles: str  # "" = every role

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self, cluster: Cluster) -> dict[str, str]:
        return {
            **os.environ,
            "ES_PORT": str(self.port),
            "ES_TRANSPORT_PORT": str(self.transport_port),
            "ES_DATA_DIR": str(self.data_dir),
            "ES_NODE_NAME": self.name,
            "ES_NODE_ROLES": self.roles,
            "ES_CLUSTER_NAME": cluster.name,
            "ES_SEED_HOSTS": ",".join(f"127.0.0.1:{n.transport_port}" for n in cluster.nodes),
            "ES_INITIAL_MASTERS": ",".join(n.name for n in cluster.nodes),
            "ES_JAVA_OPTS": HEAP,
            "ES_START_TIMEOUT": "150",
        }

    def log_tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            return "\n".join((self.data_dir / "es.log").read_text().splitlines()[-lines:])
        return "(no log)"


@dataclass
class Cluster:
    name: str
    nodes: list[ClusterNode]

    @property
    def data_nodes(self) -> list[ClusterNode]:
        return [n for n in self.nodes if not n.roles]

    def start(self) -> None:
        # together: a node's start.sh waits for an elected master, which needs two of them
        runs = [
            (
                node,
                subprocess.Popen(  # noqa: S603
                    ["bash", str(SCRIPTS / "start.sh")],
                    env=node.env(self),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                ),
            )
            for node in self.nodes
        ]
        failed = []
        for node, run in runs:
            output, _ = run.communicate(timeout=200)
            if run.returncode != 0:
                failed.append(f"{node.name} ({node.url}):\n{output}\n{node.log_tail()}")
        if failed:
            raise RuntimeError("the cluster did not start:\n" + "\n".join(failed))

    def stop(self, node: ClusterNode) -> None:
        subprocess.run(  # noqa: S603
            ["bash", str(SCRIPTS / "stop.sh")],
            env=node.env(self),
            capture_output=True,
            check=False,
        )


def free_ports(count: int) -> list[int]:
    sockets = [socket.create_server(("127.0.0.1", 0)) for _ in range(count)]
    try:
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    root = tmp_path_factory.mktemp("es-cluster")
    ports = free_ports(6)
    nodes = [
        ClusterNode(name, ports[i], ports[i + 3], root / name, roles)
        for i, (name, roles) in enumerate([("data-1", ""), ("data-2", ""), ("vote-3", "master")])
    ]
    cluster = Cluster(name=f"portal-test-{os.getpid()}", nodes=nodes)
    try:
        try:
            cluster.start()
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            pytest.fail(str(error))  # never a skip: the test is about this cluster
        yield cluster
    finally:
        for node in nodes:
            cluster.stop(node)
        shutil.rmtree(root, ignore_errors=True)


def search(client, query: str) -> list[str]:
    """The public search's titles for ``query``, asserting that Elasticsearch answered."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert NOTICE not in response.content.decode()
    outcome = response.context["outcome"]
    assert outcome.backend == "elasticsearch"
    return [hit.page.title for hit in outcome.hits]


def test_the_search_survives_a_data_node_stopping(client, settings, cluster, index, unit):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": DATABASE,
        "elasticsearch": elasticsearch_settings(
            cluster.data_nodes[0].url,
            URLS=[node.url for node in cluster.data_nodes],
            INDEX_SETTINGS={
                "settings": {"index": {"number_of_shards": 1, "number_of_replicas": 1}}
            },
        ),
    }
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0  # every search here must reach a backend
    reset_page_index("elasticsearch")
    column = add_column(index, "通知公告")
    make_document(column, unit, "关于做好防汛工作的通知")
    make_document(column, unit, "关于防汛物资储备的通知")
    make_document(column, unit, "关于开展消防检查的通知")

    es = Elasticsearch([node.url for node in cluster.data_nodes], request_timeout=60)
    name = get_search_backend("elasticsearch").get_index_for_model(Page).name
    health = es.cluster.health(index=name, wait_for_status="green", timeout="60s")
    assert health["status"] == "green", health  # the replica is on the other data node
    copies = es.cat.shards(index=name, format="json", h="prirep,node,state")
    assert sorted(c["prirep"] for c in copies) == ["p", "r"], copies
    assert {c["node"] for c in copies} == {n.name for n in cluster.data_nodes}, copies

    before = search(client, "防汛")
    assert sorted(before) == ["关于做好防汛工作的通知", "关于防汛物资储备的通知"]

    primary = next(c["node"] for c in copies if c["prirep"] == "p")
    cluster.stop(next(n for n in cluster.data_nodes if n.name == primary))

    # at once, whether or not a new master is elected yet: the replica answers. Several
    # times, as each search's client tries the nodes in a random order: the stopped node
    # must come first at least once (1 - 1/2**6).
    for _ in range(6):
        assert search(client, "防汛") == before
    assert not breaker.is_open("elasticsearch")

    # publishing needs a master and the replica made primary: the remaining two elect one
    make_document(column, unit, "关于防汛抢险队伍集结的通知")
    assert sorted(search(client, "防汛")) == sorted([*before, "关于防汛抢险队伍集结的通知"])
    survivor = next(n for n in cluster.data_nodes if n.name != primary)
    survivor_es = Elasticsearch(survivor.url, request_timeout=30)
    copies = survivor_es.cat.shards(index=name, format="json", h="prirep,node,state")
    assert {(c["prirep"], c["node"]) for c in copies if c["state"] == "STARTED"} == {
        ("p", survivor.name)
    }, copies
