package io.rapport.accounts.web;

import io.rapport.accounts.AccountLog;
import io.rapport.web.FormValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log of agents, teams, tokens, customers and organizations (admin only). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log", description = "Who added, changed, invited, revoked or merged what, newest first")
class AuditApi {

    private final AccountLog log;

    AuditApi(AccountLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(
            operationId = "auditLog",
            summary = "Entries newest first; continue with before=nextBefore while there are older ones (admin)")
    AccountLog.Slice list(
            @Parameter(description = "agent, team, token, customer or organization; all by default")
                    @RequestParam(required = false)
                    String kind,
            @Parameter(description = "only entries older than this id") @RequestParam(required = false) String before,
            @RequestParam(defaultValue = "50") int limit) {
        return log.recent(kind, FormValues.optionalNumber(before, "before"), limit);
    }
}
