# Breadth-first search with deque, Dijkstra with heapq, paths with namedtuple.
from collections import deque, namedtuple
import heapq

Edge = namedtuple('Edge', 'to cost')
graph = {
    'A': [Edge('B', 4), Edge('C', 1)],
    'B': [Edge('D', 1)],
    'C': [Edge('B', 2), Edge('D', 5)],
    'D': [Edge('E', 3)],
    'E': [],
}


def bfs(start):
    seen = {start: None}
    queue = deque([start])
    order = []
    while queue:
        node = queue.popleft()
        order.append(node)
        for edge in graph[node]:
            if edge.to not in seen:
                seen[edge.to] = node
                queue.append(edge.to)
    return order, seen


def dijkstra(start):
    dist = {start: 0}
    heap = [(0, start)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float('inf')):
            continue
        for to, cost in graph[node]:
            nd = d + cost
            if nd < dist.get(to, float('inf')):
                dist[to] = nd
                heapq.heappush(heap, (nd, to))
    return dist


order, parents = bfs('A')
print(order, parents)
print(dijkstra('A'))
path = deque()
node = 'E'
while node is not None:
    path.appendleft(node)
    node = parents[node]
print(path, list(path), len(path))
print(Edge('X', 1)._replace(cost=7), graph['A'][1]._asdict())
