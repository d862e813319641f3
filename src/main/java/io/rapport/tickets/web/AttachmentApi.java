package io.rapport.tickets.web;

import io.rapport.tickets.Tickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Attachment downloads for agents and API clients. */
@RestController
@Tag(name = "Tickets")
class AttachmentApi {

    private final Tickets tickets;

    AttachmentApi(Tickets tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/api/v1/attachments/{id}")
    @Operation(
            operationId = "downloadAttachment",
            summary = "Download an attachment (always as a file, never shown inline)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "the file, as it was uploaded",
                            content =
                                    @Content(
                                            mediaType = "application/octet-stream",
                                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<Resource> download(@PathVariable long id) {
        return AttachmentDownloads.download(tickets.attachment(id));
    }
}
