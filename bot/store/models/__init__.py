"""All tables of the store; import from here."""

from bot.store.models.ad_contact import AdAlertDelivery, AdContact, AdReport, AdSearch, OrganisationBlock
from bot.store.models.base import Base, table_of
from bot.store.models.broadcast import Broadcast, BroadcastDelivery, BroadcastPacing
from bot.store.models.chat import ChatMenu, ChatSearch, ChatState
from bot.store.models.moderation import AdminRole, InterestReport, ListingDraft, ModerationEvent, ModerationNotice
from bot.store.models.opportunity import Opportunity
from bot.store.models.organisation import Organisation, OrganisationMember
from bot.store.models.shared_search import SharedSearch
from bot.store.models.volunteer import AlertDelivery, Favourite, SavedSearch, Volunteer
from bot.store.models.volunteer_ad import VolunteerAd

__all__ = [
    "AdAlertDelivery",
    "AdContact",
    "AdReport",
    "AdSearch",
    "AdminRole",
    "AlertDelivery",
    "Base",
    "Broadcast",
    "BroadcastDelivery",
    "BroadcastPacing",
    "ChatMenu",
    "ChatSearch",
    "ChatState",
    "Favourite",
    "InterestReport",
    "ListingDraft",
    "ModerationEvent",
    "ModerationNotice",
    "Opportunity",
    "Organisation",
    "OrganisationBlock",
    "OrganisationMember",
    "SavedSearch",
    "SharedSearch",
    "Volunteer",
    "VolunteerAd",
    "table_of",
]
