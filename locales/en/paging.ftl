# Previous/next in long lists (members, invites).
paging-prev = Previous page
paging-next = Next page
paging-position = Page { $page } of { $pages }
