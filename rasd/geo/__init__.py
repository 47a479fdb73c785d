"""rasd.geo: the gazetteer and the place resolver (village-level geocoding with OCHA p-codes).

>>> from rasd.geo import Gazetteer, find_places, place_to_dict
>>> gaz = Gazetteer.load()
>>> [place_to_dict(m)["admin1"] for m in find_places("قصف على ريف حماة الشمالي", gaz)]
['SY05']
"""

from rasd.geo.gazetteer import Entry, Gazetteer
from rasd.geo.resolve import decide_places, explain_places, find_places, place_to_dict

__all__ = ["Entry", "Gazetteer", "decide_places", "explain_places", "find_places", "place_to_dict"]
