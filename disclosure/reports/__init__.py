"""Annual reports and the statistics page: layout, documents, exports, panels, views, charts.

Import the submodules themselves; this package imports nothing, so that the models can
import ``reports.panels`` (a leaf) without pulling in exports or statistics.
"""
