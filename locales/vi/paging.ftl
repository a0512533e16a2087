# Previous/next in long lists (members, invites).
paging-prev = Trang trước
paging-next = Trang sau
paging-position = Trang { $page }/{ $pages }
