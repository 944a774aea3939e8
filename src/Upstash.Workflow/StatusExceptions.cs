using Upstash.Workflow.Errors;

namespace Upstash.Workflow;

/// <summary>400: the request was refused as malformed or not applicable (e.g. an id that is not a workflow's).</summary>
public class BadRequestException : UpstashWorkflowException
{
    /// <summary>A 400 answer, for code that stands in for the client.</summary>
    /// <param name="message">The server's message, as its <c>error</c> field would carry it.</param>
    public BadRequestException(string message) : base(400, message) { }

    internal BadRequestException(ErrorDetails details) : base(details) { }
}

/// <summary>401: the token is missing, wrong or revoked.</summary>
public class UnauthorizedException : UpstashWorkflowException
{
    /// <summary>A 401 answer, for code that stands in for the client.</summary>
    /// <param name="message">The server's message, as its <c>error</c> field would carry it.</param>
    public UnauthorizedException(string message) : base(401, message) { }

    internal UnauthorizedException(ErrorDetails details) : base(details) { }
}

/// <summary>404: what the request names does not exist (or no longer does).</summary>
public class NotFoundException : UpstashWorkflowException
{
    /// <summary>A 404 answer, for code that stands in for the client.</summary>
    /// <param name="message">The server's message, as its <c>error</c> field would carry it.</param>
    public NotFoundException(string message) : base(404, message) { }

    internal NotFoundException(ErrorDetails details) : base(details) { }
}

/// <summary>5xx: the service or a proxy in front of it failed. The request may or may not have been carried out.</summary>
public class ServerErrorException : UpstashWorkflowException
{
    /// <summary>A 500 answer, for code that stands in for the client.</summary>
    /// <param name="message">The server's message, as its <c>error</c> field would carry it.</param>
    public ServerErrorException(string message) : base(500, message) { }

    internal ServerErrorException(ErrorDetails details) : base(details) { }
}
