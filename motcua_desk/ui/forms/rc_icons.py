# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.12.0
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x01\x19\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#0b4f8a\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M7 9V3h1\
0v6\x22/><rect x=\x223\
\x22 y=\x229\x22 width=\x221\
8\x22 height=\x228\x22 rx\
=\x221.5\x22/><path d=\
\x22M7 14h10v7H7z\x22/\
></svg>\x0a\
\x00\x00\x01\x01\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#0b4f8a\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
rect x=\x224\x22 y=\x223\x22\
 width=\x2216\x22 heig\
ht=\x2218\x22 rx=\x222\x22/>\
<path d=\x22M8 12l3\
 3 5-6\x22/></svg>\x0a\
\
\x00\x00\x01\x12\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#0b4f8a\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M3 8h14\x22\
/><path d=\x22M13 4\
l4 4-4 4\x22/><path\
 d=\x22M21 16H7\x22/><\
path d=\x22M11 12l-\
4 4 4 4\x22/></svg>\
\x0a\
\x00\x00\x01\xb5\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2264\
\x22 height=\x2264\x22 vi\
ewBox=\x220 0 64 64\
\x22><rect x=\x222\x22 y=\
\x222\x22 width=\x2260\x22 h\
eight=\x2260\x22 rx=\x221\
2\x22 fill=\x22#0b4f8a\
\x22/><path d=\x22M14 \
40h36v10H14z\x22 fi\
ll=\x22#ffffff\x22/><p\
ath d=\x22M20 40V22\
l12-8 12 8v18\x22 f\
ill=\x22none\x22 strok\
e=\x22#ffb300\x22 stro\
ke-width=\x224\x22 str\
oke-linejoin=\x22ro\
und\x22/><path d=\x22M\
28 40V30h8v10\x22 f\
ill=\x22#ffb300\x22/><\
path d=\x22M19 45h2\
M24 45h1M28 45h3\
M34 45h1M38 45h2\
M43 45h1\x22 stroke\
=\x22#0b4f8a\x22 strok\
e-width=\x223\x22/></s\
vg>\x0a\
\x00\x00\x019\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#0b4f8a\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2212\x22 c\
y=\x2212\x22 r=\x223\x22/><p\
ath d=\x22M12 2v3M1\
2 19v3M2 12h3M19\
 12h3M4.9 4.9l2.\
1 2.1M17 17l2.1 \
2.1M4.9 19.1L7 1\
7M17 7l2.1-2.1\x22/\
></svg>\x0a\
\x00\x00\x01\x0d\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#0b4f8a\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2210.5\x22\
 cy=\x2210.5\x22 r=\x226\x22\
/><path d=\x22M15 1\
5l5.5 5.5\x22/><pat\
h d=\x22M8 9h5M8 12\
h4\x22/></svg>\x0a\
\x00\x00\x01@\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#0b4f8a\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M4 13l3-\
8h10l3 8\x22/><path\
 d=\x22M4 13v6h16v-\
6\x22/><path d=\x22M4 \
13h5l1 2h4l1-2h5\
\x22/><path d=\x22M12 \
4v6\x22/><path d=\x22M\
9.5 7.5L12 10l2.\
5-2.5\x22/></svg>\x0a\
\x00\x00\x01\x19\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#0b4f8a\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M3 7V4h3\
M18 4h3v3M21 17v\
3h-3M6 20H3v-3\x22/\
><path d=\x22M7 8v8\
M10 8v8M12.5 8v8\
M15 8v8M17 8v8\x22/\
></svg>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x09\
\x00W\xb5\xe7\
\x00p\
\x00r\x00i\x00n\x00t\x00.\x00s\x00v\x00g\
\x00\x0a\
\x0c\x9eC\xa7\
\x00r\
\x00e\x00t\x00u\x00r\x00n\x00.\x00s\x00v\x00g\
\x00\x0b\
\x05\x14S\xa7\
\x00h\
\x00a\x00n\x00d\x00o\x00f\x00f\x00.\x00s\x00v\x00g\
\x00\x0f\
\x09\xcd\x8c'\
\x00m\
\x00o\x00t\x00c\x00u\x00a\x00-\x00d\x00e\x00s\x00k\x00.\x00s\x00v\x00g\
\x00\x0c\
\x0b\xdf,\xc7\
\x00s\
\x00e\x00t\x00t\x00i\x00n\x00g\x00s\x00.\x00s\x00v\x00g\
\x00\x0c\
\x01\xfb\x09'\
\x00d\
\x00o\x00s\x00s\x00i\x00e\x00r\x00s\x00.\x00s\x00v\x00g\
\x00\x0a\
\x08\x1aQ\x87\
\x00i\
\x00n\x00t\x00a\x00k\x00e\x00.\x00s\x00v\x00g\
\x00\x08\
\x09\x81U\xe7\
\x00s\
\x00c\x00a\x00n\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x08\x00\x00\x00\x02\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00\xa0\x00\x00\x00\x00\x00\x01\x00\x00\x06.\
\x00\x00\x00B\x00\x00\x00\x00\x00\x01\x00\x00\x02\x22\
\x00\x00\x00\xbe\x00\x00\x00\x00\x00\x01\x00\x00\x07?\
\x00\x00\x00\xd8\x00\x00\x00\x00\x00\x01\x00\x00\x08\x83\
\x00\x00\x00^\x00\x00\x00\x00\x00\x01\x00\x00\x038\
\x00\x00\x00\x82\x00\x00\x00\x00\x00\x01\x00\x00\x04\xf1\
\x00\x00\x00(\x00\x00\x00\x00\x00\x01\x00\x00\x01\x1d\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
