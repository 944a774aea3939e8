namespace Upstash.Workflow;

/// <summary>400: the request was refused as malformed or not applicable (e.g. an id that is not a workflow's).</summary>
public class BadRequestException : UpstashWorkflowException
{
    /// <summary>Creates the exception.</summary>
    public BadRequestException(ErrorDetails details) : base(details) { }
}

/// <summary>401: the token is missing, wrong or revoked.</summary>
public class UnauthorizedException : UpstashWorkflowException
{
    /// <summary>Creates the exception.</summary>
    public UnauthorizedException(ErrorDetails details) : base(details) { }
}

/// <summary>404: what the request names does not exist (or no longer does).</summary>
public class NotFoundException : UpstashWorkflowException
{
    /// <summary>Creates the exception.</summary>
    public NotFoundException(ErrorDetails details) : base(details) { }
}

/// <summary>5xx: the service or a proxy in front of it failed. The request may or may not have been carried out.</summary>
public class ServerErrorException : UpstashWorkflowException
{
    /// <summary>Creates the exception.</summary>
    public ServerErrorException(ErrorDetails details) : base(details) { }
}
