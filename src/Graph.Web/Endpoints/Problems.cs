using Microsoft.AspNetCore.Http.HttpResults;

namespace Graph.Web.Endpoints;

/// <summary>ProblemDetails answers with messages a person can act on.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Unprocessable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The request cannot be answered");

    public static ProblemHttpResult Missing(string parameter, string example) =>
        BadRequest($"The query parameter '{parameter}' is required, for example {example}.");

    public static ProblemHttpResult UnknownNode(string id) =>
        NotFound($"No node has the id '{id}'. Ids are canonical symbols such as A/RES/77/13 or S/RES/1631 (2005), or node ids such as org:collective-security-treaty-organization; /api/search?q= finds them.");
}
