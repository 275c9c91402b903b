enum HTMLStyle {
    /// Colours of status badges keep at least 4.5:1 contrast with white text (WCAG AA): the
    /// report is read by the same teams who judge accessibility.
    static let css = """

        :root{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#fff}
        body{margin:0 auto;max-width:1440px;padding:1rem 1.5rem;line-height:1.45;overflow-wrap:anywhere}
        h1{font-size:1.5rem;margin:.2rem 0 .6rem}
        h2{font-size:1.25rem;margin:1.6rem 0 .4rem;border-bottom:2px solid #d0d7de;padding-bottom:.2rem}
        h3{font-size:1.05rem;margin:1rem 0 .3rem}
        dl.run{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 .6rem}
        dl.run dt{font-weight:600}
        dl.run dd{margin:0;word-break:break-all}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.88rem}
        th,td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}
        thead th{background:#f3f5f7}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.zero{color:#8c959f}
        td.unscored{color:#57606a}
        td.grade{font-weight:700;text-align:center}
        code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem}
        code.value{word-break:break-all}
        pre{white-space:pre-wrap;word-break:break-all;background:#f6f8fa;border:1px solid #e1e4e8;padding:.25rem .4rem;margin:.2rem 0;max-height:12rem;overflow:auto}
        a.url,span.url{word-break:break-all}
        .evidence+.evidence{border-top:1px dashed #d0d7de;margin-top:.3rem;padding-top:.3rem}
        .extra span{display:inline-block;background:#eef1f4;border-radius:.3rem;padding:0 .3rem;margin-right:.3rem;font-size:.78rem}
        .badge{display:inline-block;padding:.05rem .5rem;border-radius:.7rem;font-size:.76rem;font-weight:600;color:#fff;white-space:nowrap}
        .b-pass{background:#1a7f37}.b-fail{background:#cf222e}.b-partial{background:#9a6700}
        .b-not_applicable{background:#6e7781}.b-undetermined{background:#8250df}.b-blocked{background:#bc4c00}
        .b-unreachable{background:#57606a}.b-error{background:#24292f}
        tr.failed td{background:#fff8f8}
        .meta,.note,.empty,footer{color:#57606a}
        .filters{position:sticky;top:0;background:#fff;padding:.3rem 0;border-bottom:1px solid #d0d7de;z-index:1;font-size:.85rem;max-height:5.5rem;overflow:auto;box-sizing:border-box}
        [id]{scroll-margin-top:6.5rem}
        section.target{content-visibility:auto;contain-intrinsic-size:auto 1400px}
        svg.chart.dimensions{max-width:100%;height:auto}
        details.group{margin:.4rem 0;border:1px solid #d0d7de;border-radius:.3rem;padding:.2rem .5rem}
        details.group>summary{cursor:pointer;font-weight:600;padding:.2rem 0}
        details.group table{margin:.3rem 0}
        table.indicators td:first-child{min-width:9rem}
        .fix{margin-top:.3rem}.pass-needs{margin-top:.3rem;color:#57606a}.source{font-size:.8rem;color:#57606a}
        a.self{text-decoration:none}
        ul.withheld{color:#57606a;margin:.2rem 0 .5rem}
        @media (max-width:700px){body{padding:.5rem .6rem}.filters{position:static;max-height:none}[id]{scroll-margin-top:.5rem}
        dl.run{grid-template-columns:1fr}dl.run dd{margin-bottom:.3rem}
        table.indicators,table.indicators tbody,table.indicators tr,table.indicators td{display:block;width:auto}
        table.indicators thead{display:none}table.indicators tr{border-top:1px solid #d0d7de;padding:.3rem 0}
        table.indicators td{border:0;padding:.1rem 0}table.indicators td:first-child{min-width:0}}
        .filters fieldset{display:inline;border:0;margin:0 .8rem 0 0;padding:0}
        .filters legend{display:inline;font-weight:600;margin-right:.4rem;float:left}
        .filters .choice{white-space:nowrap;margin-right:.6rem}
        svg.chart{font-size:12px;font-family:inherit}
        figure.heatmap svg{display:block}
        svg.chart text{fill:#1f2328}
        svg.chart text.head{font-weight:600}
        svg.chart rect.track{fill:#eef1f4}
        svg.chart a:focus rect,svg.chart a:hover rect{stroke:#1f2328;stroke-width:1.5}
        figure{margin:.4rem 0}
        figcaption{color:#57606a;font-size:.85rem}
        .dimension-grid{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
        mark{background:#fff1a8;color:inherit;outline:1px solid #d4a72c}
        small.record{color:#57606a}
        ul.unchecked{padding-left:1.2rem}
        ul.unchecked ul{padding-left:1.2rem;margin:.2rem 0 .5rem}
        footer{margin-top:2rem;border-top:1px solid #d0d7de;padding-top:.5rem;font-size:.85rem}
        @media print{.filters{display:none}pre{max-height:none}a.url::after{content:""}}

        """

    /// Only in reports with screenshots, so a run that rendered nothing keeps its page as it was.
    /// Thumbnails are width-limited and show the top of a tall capture; the figure the URL's fragment names (`#shot-…`, a thumbnail
    /// or a piece of evidence links there) shows its image at full size, no wider than the page.
    static let galleryCSS = """

        .gallery{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-start;margin:.3rem 0}
        figure.shot{margin:0;width:15rem;max-width:100%;font-size:.78rem}
        figure.shot img{display:block;width:100%;height:auto;max-height:10rem;object-fit:cover;object-position:top;border:1px solid #d0d7de;background:#f6f8fa}
        figure.shot figcaption{margin-top:.2rem;color:#1f2328}
        figure.shot:target{width:100%}
        figure.shot:target img{width:auto;max-width:100%;max-height:none;object-fit:contain;outline:2px solid #0969da}

        """
}
