"""Agency feeds as they are: freinet CSV and XML exports and agencies' own JSON, read into offers and turned
into listings forgivingly (a messy cell loses nothing, a label we do not know is kept as a hint)."""

from bot.exchange.feeds.detect import FEED_FORMATS, detect_feed, read_feed
from bot.exchange.feeds.offer import FeedFile, FeedOffer

__all__ = ["FEED_FORMATS", "FeedFile", "FeedOffer", "detect_feed", "read_feed"]
