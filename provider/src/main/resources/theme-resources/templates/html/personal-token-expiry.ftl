<#-- Standalone (no layout import), so that it renders under any email theme. FreeMarker escapes
     every value here: token names are user input. -->
<html>
<body style="font-family: sans-serif;">
<p>${msg("personal-token-expiry.intro")}</p>
<p><strong>${tokenName}</strong> (${tokenHint})</p>
<#if deadline??><p>${msg("personal-token-expiry.deadline", deadline, deadlineUtc)}</p></#if>
<p>${msg("personal-token-expiry.action")}</p>
<p><a href="${accountUrl}">${msg("personal-token.accountLink")}</a></p>
<p style="color: #6a6e73;">${msg("personal-token.noSecret")}</p>
</body>
</html>
