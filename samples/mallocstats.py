# sys._debugmallocstats() prints the small-object allocator's state to
# stderr: size classes, pools, arenas. Run this and compare the two reports:
# freeing many objects empties pools and can give whole arenas back.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, -i) for i in range(100000)]
print("allocated", len(points), "points")
print("--- stats with the points alive (stderr) ---")
sys._debugmallocstats()
del points
print("freed them")
print("--- stats after freeing (stderr) ---")
sys._debugmallocstats()
print("done")
