-- An image shown inside an HTML body (a mail's cid: link) keeps the Content-ID its body refers to it by.
ALTER TABLE tkt_attachment ADD COLUMN content_id VARCHAR(250);
