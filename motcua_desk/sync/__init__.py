"""LAN sync: the wire protocol (protocol), the office hub (hub, hubstore) and the desk's sync
client (client). The desk-side data work is motcua_desk.services.replication."""
