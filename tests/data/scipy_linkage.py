"""Reference for the clustering tests: reads a distance matrix (one row per line), prints
SciPy's average linkage (one merge per line: first second distance size), the dendrogram's
leaf order on one line, then for k = 1..n the flat clusters of fcluster(k, "maxclust"), one
line each (a label per item)."""
import sys

import numpy as np
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage
from scipy.spatial.distance import squareform

matrix = np.loadtxt(sys.argv[1], ndmin=2)
z = linkage(squareform(matrix, checks=False), method="average")
for row in z:
    print(int(row[0]), int(row[1]), repr(float(row[2])), int(row[3]))
print(" ".join(str(leaf) for leaf in dendrogram(z, no_plot=True)["leaves"]))
for k in range(1, matrix.shape[0] + 1):
    print(" ".join(str(label) for label in fcluster(z, k, criterion="maxclust")))
