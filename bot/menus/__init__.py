"""The command menus: the common one everybody sees, and the own-chat menus of admins and organisations' members.

commands.py says which commands a menu holds and gives each menu a version; chats.py says which menu each
person should have and which chats need it (set) or need the common menu back (reset), comparing with the
versions kept in chat_menus. Telegram is reached only at the edge (bot.telegram.menus).
"""
