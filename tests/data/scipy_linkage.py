"""Reference for the clustering tests: reads a distance matrix (one row per line), prints
SciPy's average linkage (one merge per line: first second distance size) and then the
dendrogram's leaf order on the last line."""
import sys

import numpy as np
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.spatial.distance import squareform

matrix = np.loadtxt(sys.argv[1], ndmin=2)
z = linkage(squareform(matrix, checks=False), method="average")
for row in z:
    print(int(row[0]), int(row[1]), repr(float(row[2])), int(row[3]))
print(" ".join(str(leaf) for leaf in dendrogram(z, no_plot=True)["leaves"]))
