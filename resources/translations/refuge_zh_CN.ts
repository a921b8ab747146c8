<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LayerCommands</name>
    <message>
        <source>Add layer %1</source>
        <translation>添加图层 %1</translation>
    </message>
    <message>
        <source>Remove layer %1</source>
        <translation>移除图层 %1</translation>
    </message>
    <message>
        <source>Move layer %1</source>
        <translation>移动图层 %1</translation>
    </message>
    <message>
        <source>Change style of %1</source>
        <translation>修改 %1 的样式</translation>
    </message>
    <message>
        <source>Set role of %1</source>
        <translation>设置 %1 的用途</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示 %1</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>隐藏 %1</translation>
    </message>
    <message>
        <source>Set opacity of %1</source>
        <translation>设置 %1 的不透明度</translation>
    </message>
    <message>
        <source>Rename layer %1</source>
        <translation>重命名图层 %1</translation>
    </message>
    <message>
        <source>Move %1 to group</source>
        <translation>将 %1 移入分组</translation>
    </message>
    <message>
        <source>Relocate %1</source>
        <translation>重新定位 %1</translation>
    </message>
    <message>
        <source>Set project CRS to %1</source>
        <translation>将项目坐标系设为 %1</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Yes to All</source>
        <translation>全部是</translation>
    </message>
    <message>
        <source>No to All</source>
        <translation>全部否</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>ResultFormat</name>
    <message>
        <source>unverified</source>
        <translation>未核实</translation>
    </message>
    <message>
        <source>changed in this project</source>
        <translation>本项目修改</translation>
    </message>
    <message>
        <source>straight line</source>
        <translation>直线距离</translation>
    </message>
    <message>
        <source>nearest</source>
        <translation>就近</translation>
    </message>
    <message>
        <source>optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <source>network (%1)</source>
        <translation>路网（%1）</translation>
    </message>
    <message>
        <source>walk</source>
        <translation>步行</translation>
    </message>
    <message>
        <source>drive</source>
        <translation>驾车</translation>
    </message>
    <message>
        <source>walk-elderly</source>
        <translation>老年人步行</translation>
    </message>
</context>
<context>
    <name>RoleNames</name>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <source>Supply depots</source>
        <translation>应急物资储备点</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>医疗机构</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>灾害风险</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>行政区划/社区</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Official districts</source>
        <translation>现行责任区</translation>
    </message>
    <message>
        <source>Base map</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ScenarioDialogs</name>
    <message>
        <source>Add shelter</source>
        <translation>添加避难场所</translation>
    </message>
    <message>
        <source>Add fire station</source>
        <translation>添加消防站</translation>
    </message>
    <message>
        <source>New shelter</source>
        <translation>新避难场所</translation>
    </message>
    <message>
        <source>New fire station</source>
        <translation>新消防站</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>容量：</translation>
    </message>
    <message>
        <source>Capacity of %1</source>
        <translation>%1 的容量</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::AddFacilityTool</name>
    <message>
        <source>The project has no %1 layer to add to.</source>
        <translation>项目中没有可添加的%1图层。</translation>
    </message>
    <message>
        <source>Add %1 &apos;%2&apos;</source>
        <translation>添加%1“%2”</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::AnalysisController</name>
    <message>
        <source>m</source>
        <translation>米</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>cannot create a folder for the results: %1</source>
        <translation>无法创建结果文件夹：%1</translation>
    </message>
    <message>
        <source>cannot create the results folder</source>
        <translation>无法创建结果文件夹</translation>
    </message>
    <message>
        <source>cannot be written</source>
        <translation>无法写入</translation>
    </message>
    <message>
        <source>Analysis settings</source>
        <translation>分析设置</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <translation>%1（%2 %3）</translation>
    </message>
    <message>
        <source>Open &amp;Results Folder…</source>
        <translation>打开结果文件夹(&amp;R)…</translation>
    </message>
    <message>
        <source>Add the result layers of a results folder (from refuge-cli or an earlier run), styled as the run stored them</source>
        <translation>加入结果文件夹中的结果图层（来自 refuge-cli 或以前的运行），样式与运行时保存的一致</translation>
    </message>
    <message>
        <source>Open results folder</source>
        <translation>打开结果文件夹</translation>
    </message>
    <message>
        <source>These results are incomplete (the run failed or was stopped): %1</source>
        <translation>以下结果不完整（运行失败或被中止）：%1</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::AnalysisDialog</name>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Canceled: nothing was changed.</source>
        <translation>已取消：未作任何更改。</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::AnalysisForm</name>
    <message>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code of this translation: zh for Chinese</comment>
        <translation>zh</translation>
    </message>
    <message>
        <source>Road network</source>
        <translation>路网</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Other settings</source>
        <translation>其他设置</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::AnalysisFormDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::AtlasPreview</name>
    <message>
        <source>Previous feature</source>
        <translation>上一个要素</translation>
    </message>
    <message>
        <source>Next feature</source>
        <translation>下一个要素</translation>
    </message>
    <message>
        <source>Atlas:</source>
        <translation>图集：</translation>
    </message>
    <message>
        <source>None (whole project)</source>
        <translation>无（整个项目）</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) make no page</source>
        <translation>
            <numerusform>%n 个要素无法生成页面</numerusform>
        </translation>
    </message>
    <message>
        <source>Assigned shelters left out: the coverage results cannot be used</source>
        <translation>未列出分配的避难场所：无法使用覆盖分析结果</translation>
    </message>
    <message>
        <source>Hazardous sites left out: the exposure results cannot be used</source>
        <translation>未列出危险源：无法使用灾害暴露结果</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::AttributeTablePanel</name>
    <message>
        <source>Filter rows (any column)…</source>
        <translation>筛选行（任意列）…</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>缩放至所选要素</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>Attributes — %1</source>
        <translation>属性 — %1</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>%1 of %2 shown, %3 selected</source>
        <translation>显示 %1 / %2 条，已选 %3 条</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::BasemapDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Add Basemap</source>
        <translation>添加底图</translation>
    </message>
    <message>
        <source>Local tile set (MBTiles, GeoPackage)</source>
        <translation>本地瓦片集（MBTiles、GeoPackage）</translation>
    </message>
    <message>
        <source>OpenStreetMap (online)</source>
        <translation>OpenStreetMap（在线）</translation>
    </message>
    <message>
        <source>Tianditu vector map (online, key)</source>
        <translation>天地图矢量底图（在线，需密钥）</translation>
    </message>
    <message>
        <source>Tianditu vector labels (online, key)</source>
        <translation>天地图矢量注记（在线，需密钥）</translation>
    </message>
    <message>
        <source>Tianditu imagery (online, key)</source>
        <translation>天地图影像底图（在线，需密钥）</translation>
    </message>
    <message>
        <source>Tianditu imagery labels (online, key)</source>
        <translation>天地图影像注记（在线，需密钥）</translation>
    </message>
    <message>
        <source>Other XYZ tile URL</source>
        <translation>其他 XYZ 瓦片地址</translation>
    </message>
    <message>
        <source>Kept for this session only; the project stores {key} in the URL, never the key.</source>
        <translation>仅在本次会话中保留；项目文件在地址中只存 {key}，从不保存密钥本身。</translation>
    </message>
    <message>
        <source>A file, or a URL template with {z}, {x} and {y} (and {key} where the service needs a key).</source>
        <translation>文件，或含 {z}、{x}、{y} 的地址模板（服务需要密钥时含 {key}）。</translation>
    </message>
    <message>
        <source>Shown on the map and printed on every page that shows the basemap.</source>
        <translation>显示在地图上，并打印在每一张含此底图的页面上。</translation>
    </message>
    <message>
        <source>Basemap:</source>
        <translation>底图：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Credit:</source>
        <translation>版权说明：</translation>
    </message>
    <message>
        <source>Online tiles are fetched in the background and kept in a cache; the map never waits for them. Without a network the planning layers draw as usual.</source>
        <translation>在线瓦片在后台下载并缓存，地图绘制从不等待瓦片。没有网络时，规划图层照常绘制。</translation>
    </message>
    <message>
        <source>Tile set</source>
        <translation>瓦片集</translation>
    </message>
    <message>
        <source>Tile sets (*.mbtiles *.gpkg);;All files (*)</source>
        <translation>瓦片集 (*.mbtiles *.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Tianditu 天地图 © National Platform for Common GeoSpatial Information Services</source>
        <translation>天地图 © 国家地理信息公共服务平台</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>Tianditu vector</source>
        <translation>天地图矢量</translation>
    </message>
    <message>
        <source>Tianditu labels</source>
        <translation>天地图注记</translation>
    </message>
    <message>
        <source>Tianditu imagery</source>
        <translation>天地图影像</translation>
    </message>
    <message>
        <source>Tianditu imagery labels</source>
        <translation>天地图影像注记</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::BookmarkController</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>New Bookmark…</source>
        <translation>新建书签…</translation>
    </message>
    <message>
        <source>Save the map&apos;s current extent under a name, in the project</source>
        <translation>以名称保存地图当前范围（存入项目）</translation>
    </message>
    <message>
        <source>A bookmark needs a name.</source>
        <translation>书签需要名称。</translation>
    </message>
    <message>
        <source>The map shows nothing to bookmark yet.</source>
        <translation>地图尚无可保存为书签的内容。</translation>
    </message>
    <message>
        <source>There is a bookmark named &apos;%1&apos; already.</source>
        <translation>已有名为“%1”的书签。</translation>
    </message>
    <message>
        <source>New bookmark &apos;%1&apos;</source>
        <translation>新建书签“%1”</translation>
    </message>
    <message>
        <source>There is no bookmark named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的书签。</translation>
    </message>
    <message>
        <source>Delete bookmark &apos;%1&apos;</source>
        <translation>删除书签“%1”</translation>
    </message>
    <message>
        <source>Bookmark &apos;%1&apos; cannot be shown in the project&apos;s CRS: %2</source>
        <translation>书签“%1”无法在项目坐标系中显示：%2</translation>
    </message>
    <message>
        <source>Bookmark %1</source>
        <translation>书签 %1</translation>
    </message>
    <message>
        <source>New Bookmark</source>
        <translation>新建书签</translation>
    </message>
    <message>
        <source>Name of the map&apos;s current extent:</source>
        <translation>地图当前范围的名称：</translation>
    </message>
    <message>
        <source>Delete Bookmark</source>
        <translation>删除书签</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::CapacityTool</name>
    <message>
        <source>The %1 layer has no capacity field (map one in the layer&apos;s properties).</source>
        <translation>%1图层没有容量字段（请在图层属性中映射）。</translation>
    </message>
    <message>
        <source>Capacity of &apos;%1&apos; to %2</source>
        <translation>“%1”容量改为 %2</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ColorButton</name>
    <message>
        <source>Choose colour</source>
        <translation>选择颜色</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::CompareResultsView</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;: residents covered %3 → %4 (%5), assigned to a shelter with room %6 → %7 (%8), of %9 residents.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;：覆盖人口 %3 → %4（%5），分配到有余位避难场所的人口 %6 → %7（%8），总人口 %9。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Covered (A)</source>
        <translation>覆盖（基准）</translation>
    </message>
    <message>
        <source>Covered (B)</source>
        <translation>覆盖（对比）</translation>
    </message>
    <message>
        <source>Covered, B − A</source>
        <translation>覆盖变化（对比−基准）</translation>
    </message>
    <message>
        <source>Assigned (A)</source>
        <translation>已分配（基准）</translation>
    </message>
    <message>
        <source>Assigned (B)</source>
        <translation>已分配（对比）</translation>
    </message>
    <message>
        <source>Assigned, B − A</source>
        <translation>已分配变化（对比−基准）</translation>
    </message>
    <message>
        <source>Unassigned, B − A</source>
        <translation>未分配变化（对比−基准）</translation>
    </message>
    <message>
        <source>Risk class (A)</source>
        <translation>风险等级（基准）</translation>
    </message>
    <message>
        <source>1 low … 5 high</source>
        <translation>1 低 … 5 高</translation>
    </message>
    <message>
        <source>Risk class (B)</source>
        <translation>风险等级（对比）</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::CoverageResultsView</name>
    <message>
        <source>By area</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <source>By shelter</source>
        <translation>分避难场所统计</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Within %1 of a shelter</source>
        <translation>距避难场所 %1 以内</translation>
    </message>
    <message>
        <source>Assigned a place</source>
        <translation>可安置人口</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未安置</translation>
    </message>
    <message>
        <source>no shelter in reach %1 · shelters full %2</source>
        <translation>服务范围内无避难场所 %1 · 避难场所容量已满 %2</translation>
    </message>
    <message>
        <source>Shelter area per resident</source>
        <translation>人均避难场所面积</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 m²</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不达标</translation>
    </message>
    <message>
        <source>%1 · %2 assignment · standard: %3</source>
        <translation>%1 · 分配方式 %2 · 标准：%3</translation>
    </message>
    <message>
        <source>Notes (%1): %2</source>
        <translation>说明（%1 条）：%2</translation>
    </message>
    <message>
        <source>(outside areas)</source>
        <translation>（区域之外）</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>覆盖人口</translation>
    </message>
    <message>
        <source>Covered %</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已安置</translation>
    </message>
    <message>
        <source>m² per resident</source>
        <translation>人均 m²</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>In reach</source>
        <translation>服务范围内人口</translation>
    </message>
    <message>
        <source>Residents within the limit of this shelter</source>
        <translation>在该避难场所服务半径/时限内的居民</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负荷率</translation>
    </message>
    <message>
        <source>Coverage share by area (lowest %1 of %2)</source>
        <translation>各区域覆盖率（%2 个中最低的 %1 个）</translation>
    </message>
    <message>
        <source>Coverage share by area</source>
        <translation>各区域覆盖率</translation>
    </message>
    <message>
        <source>Total population</source>
        <translation>总人口</translation>
    </message>
    <message>
        <source>Assigned ÷ capacity</source>
        <translation>安置人数÷容量</translation>
    </message>
    <message>
        <source>Demand ÷ capacity</source>
        <translation>需求÷容量</translation>
    </message>
    <message>
        <source>Covered residents for whom this is the nearest shelter ÷ capacity; overloaded shelters (over 100 %) are highlighted</source>
        <translation>以该避难场所为最近场所的覆盖居民÷容量；超过 100 % 即超负荷，以底色标出</translation>
    </message>
    <message>
        <source>Shelter load: nearest residents ÷ capacity (highest %1 of %2)</source>
        <translation>避难场所负荷：就近居民÷容量（%2 个中最高的 %1 个）</translation>
    </message>
    <message>
        <source>Shelter load: nearest residents ÷ capacity</source>
        <translation>避难场所负荷：就近居民÷容量</translation>
    </message>
    <message numerus="yes">
        <source>not evaluated: %n shelter(s) without an effective area</source>
        <translation>
            <numerusform>未评估：%n 个避难场所没有有效面积</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>refuge::desktop::DeleteFacilityTool</name>
    <message>
        <source>Restore %1 &apos;%2&apos;</source>
        <translation>恢复%1“%2”</translation>
    </message>
    <message>
        <source>Delete %1 &apos;%2&apos;</source>
        <translation>删除%1“%2”</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ExportController</name>
    <message>
        <source>Export View as &amp;Image (PNG)…</source>
        <translation>将当前视图导出为图片 (PNG)(&amp;I)…</translation>
    </message>
    <message>
        <source>Export View as &amp;PDF…</source>
        <translation>将当前视图导出为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Resolution (DPI):</source>
        <translation>分辨率 (DPI)：</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Exporting image…</source>
        <translation>正在导出图片…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting PDF…</source>
        <translation>正在导出 PDF…</translation>
    </message>
    <message>
        <source>Export refused</source>
        <translation>导出被拒绝</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::FieldCombo</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::FireResultsView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Residents reached within %1</source>
        <translation>%1 内可到达的居民</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>占 %2 的 %1</translation>
    </message>
    <message>
        <source>Area reached</source>
        <translation>按时到达面积</translation>
    </message>
    <message>
        <source>%1 km²</source>
        <translation>%1 km²</translation>
    </message>
    <message>
        <source>%1 of %2 km²</source>
        <translation>占 %2 km² 的 %1</translation>
    </message>
    <message>
        <source>Response limit</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不达标</translation>
    </message>
    <message>
        <source>Zones over the area limit</source>
        <translation>超过面积上限的辖区</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>共 %1 个</translation>
    </message>
    <message>
        <source>Agreement with official districts</source>
        <translation>与现行辖区一致</translation>
    </message>
    <message>
        <source>of the area · %1 of residents · differences: %2</source>
        <translation>（面积）· 人口 %1 · 不一致区块 %2 处</translation>
    </message>
    <message>
        <source>%1 · turnout %2 s%3</source>
        <translation>%1 · 出动时间 %2 秒%3</translation>
    </message>
    <message>
        <source> · suburban limits</source>
        <translation> · 郊区标准</translation>
    </message>
    <message>
        <source>Notes (%1): %2</source>
        <translation>说明（%1 条）：%2</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>消防站</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Zone km²</source>
        <translation>辖区 km²</translation>
    </message>
    <message>
        <source>First-due zone: where this station arrives first</source>
        <translation>第一出动辖区：该站最先到达的范围</translation>
    </message>
    <message>
        <source>Limit km²</source>
        <translation>上限 km²</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>按时到达人口</translation>
    </message>
    <message>
        <source>Residents reached within the response limit</source>
        <translation>在响应时间内可到达的居民</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致比例</translation>
    </message>
    <message>
        <source>Share of the official district where this station is also the computed first-due station</source>
        <translation>现行辖区中计算结果也由该站第一出动的面积比例</translation>
    </message>
    <message>
        <source>Zone area ÷ limit</source>
        <translation>辖区面积÷上限</translation>
    </message>
    <message>
        <source>Zone area as a share of the grade limit (highest %1 of %2)</source>
        <translation>辖区面积占等级面积上限的比例（%2 个中最高的 %1 个）</translation>
    </message>
    <message>
        <source>Zone area as a share of the grade limit</source>
        <translation>辖区面积占等级面积上限的比例</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::GuideDialog</name>
    <message>
        <source>Refuge User Guide</source>
        <translation>Refuge 用户指南</translation>
    </message>
    <message>
        <source>The user guide is not installed (looked for %1).</source>
        <translation>未安装用户指南（查找位置：%1）。</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::IdentifyPanel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation>要素 %1</translation>
    </message>
    <message>
        <source>(geometry)</source>
        <translation>（几何类型）</translation>
    </message>
    <message>
        <source>(area)</source>
        <translation>（面积）</translation>
    </message>
    <message>
        <source>%L1 m²</source>
        <translation>%L1 平方米</translation>
    </message>
    <message>
        <source>(length)</source>
        <translation>（长度）</translation>
    </message>
    <message>
        <source>%L1 m</source>
        <translation>%L1 米</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ItemPropertiesPanel</name>
    <message>
        <source>Apply text</source>
        <translation>应用文本</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>粗体</translation>
    </message>
    <message>
        <source>Text with fields: {title}, {date}, {page}, {pages}, {feature.NAME}…</source>
        <translation>可含字段的文本：{title}、{date}、{page}、{pages}、{feature.NAME}…</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>元素：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>左：</translation>
    </message>
    <message>
        <source>Top:</source>
        <translation>上：</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <source>Map frame</source>
        <translation>地图框</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <source>North arrow</source>
        <translation>指北针</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Click an item on the page</source>
        <translation>请单击页面上的元素</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>编辑文本</translation>
    </message>
    <message>
        <source>Change font</source>
        <translation>更改字体</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LabelsWidget</name>
    <message>
        <source>Label features</source>
        <translation>标注要素</translation>
    </message>
    <message>
        <source>Default font (CJK fallback)</source>
        <translation>默认字体（自动使用中文字体）</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>粗体</translation>
    </message>
    <message>
        <source>Avoid overlapping labels</source>
        <translation>避免标注重叠</translation>
    </message>
    <message>
        <source>A field name, or a template with fields in braces, e.g. {Name} ({Capacity})</source>
        <translation>字段名，或用花括号引用字段的模板，例如 {Name}（{Capacity}）</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Around point</source>
        <translation>点周围</translation>
    </message>
    <message>
        <source>Along line</source>
        <translation>沿线</translation>
    </message>
    <message>
        <source>Inside polygon</source>
        <translation>面内</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Halo colour:</source>
        <translation>描边颜色：</translation>
    </message>
    <message>
        <source>Halo width:</source>
        <translation>描边宽度：</translation>
    </message>
    <message>
        <source>Placement:</source>
        <translation>位置：</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LayerCombo</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LayerData</name>
    <message>
        <source>file not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>neither vector nor raster data</source>
        <translation>既不是矢量数据也不是栅格数据</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LayerImporter</name>
    <message>
        <source>&amp;Add Layer…</source>
        <translation>添加图层(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <source>Cannot add layer</source>
        <translation>无法添加图层</translation>
    </message>
    <message>
        <source>“%1” cannot be added:
%2</source>
        <translation>无法添加“%1”：
%2</translation>
    </message>
    <message>
        <source>Choose a layer</source>
        <translation>选择图层</translation>
    </message>
    <message>
        <source>“%1” holds several layers. Add which one?</source>
        <translation>“%1”包含多个图层，要添加哪一个？</translation>
    </message>
    <message>
        <source>Add &amp;Basemap…</source>
        <translation>添加底图(&amp;B)…</translation>
    </message>
    <message>
        <source>GIS data (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.xlsx *.ods *.osm *.pbf *.tif *.tiff *.asc *.vrt *.img *.mbtiles);;All files (*)</source>
        <translation>GIS 数据 (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.xlsx *.ods *.osm *.pbf *.tif *.tiff *.asc *.vrt *.img *.mbtiles);;所有文件 (*)</translation>
    </message>
    <message>
        <source>not a raster tile set</source>
        <translation>不是栅格瓦片集</translation>
    </message>
    <message>
        <source>Cannot add basemap</source>
        <translation>无法添加底图</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LayerPanel</name>
    <message numerus="yes">
        <source>Remove %n layer(s)</source>
        <translation>
            <numerusform>移除 %n 个图层</numerusform>
        </translation>
    </message>
    <message>
        <source>Add layer…</source>
        <translation>添加图层…</translation>
    </message>
    <message>
        <source>Rename group…</source>
        <translation>重命名分组…</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>取消分组</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>缩放至图层</translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation>打开属性表</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>设置用途</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>新建分组…</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建分组</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>分组名称：</translation>
    </message>
    <message>
        <source>Group layers</source>
        <translation>图层分组</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>移出分组</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>移除图层</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>属性…</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LayerPropertiesDialog</name>
    <message>
        <source>Layer properties — %1</source>
        <translation>图层属性 — %1</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>用途：</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>数据源：</translation>
    </message>
    <message>
        <source>Geometry:</source>
        <translation>几何类型：</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>要素数：</translation>
    </message>
    <message>
        <source>Source CRS:</source>
        <translation>源坐标系：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Raster:</source>
        <translation>栅格：</translation>
    </message>
    <message numerus="yes">
        <source>%1 × %2 pixels, %n band(s)</source>
        <translation>
            <numerusform>%1 × %2 像素，%n 个波段</numerusform>
        </translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Symbology</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Layer properties of %1</source>
        <translation>%1 的图层属性</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <source>Multi-point</source>
        <translation>多点</translation>
    </message>
    <message>
        <source>Multi-line</source>
        <translation>多线</translation>
    </message>
    <message>
        <source>Multi-polygon</source>
        <translation>多面</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LayerTreeModel</name>
    <message>
        <source>%1
Source: %2
Role: %3</source>
        <translation>%1
数据源：%2
用途：%3</translation>
    </message>
    <message>
        <source>Cannot be drawn: %1</source>
        <translation>无法绘制：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>Show group %1</source>
        <translation>显示分组 %1</translation>
    </message>
    <message>
        <source>Hide group %1</source>
        <translation>隐藏分组 %1</translation>
    </message>
    <message>
        <source>Rename group %1</source>
        <translation>重命名分组 %1</translation>
    </message>
    <message>
        <source>Move layers</source>
        <translation>移动图层</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LayoutController</name>
    <message>
        <source>New Print &amp;Layout from Template…</source>
        <translation>从模板新建打印布局(&amp;L)…</translation>
    </message>
    <message>
        <source>Open Project La&amp;yout…</source>
        <translation>打开项目布局(&amp;Y)…</translation>
    </message>
    <message>
        <source>Community risk &amp; evacuation map, %1</source>
        <translation>社区风险与避险提示图，%1</translation>
    </message>
    <message>
        <source>Standard map, %1 landscape</source>
        <translation>标准地图，%1 横向</translation>
    </message>
    <message>
        <source>Standard map, %1 portrait</source>
        <translation>标准地图，%1 纵向</translation>
    </message>
    <message>
        <source>%1 (Chinese)</source>
        <translation>%1（中文）</translation>
    </message>
    <message>
        <source>New print layout</source>
        <translation>新建打印布局</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Open project layout</source>
        <translation>打开项目布局</translation>
    </message>
    <message>
        <source>The project has no saved layout yet: start from a template and use Save to Project.</source>
        <translation>项目中还没有保存的布局：请从模板新建，再使用“保存到项目”。</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <source>Hazardous-chemical sites: one map, one table, %1</source>
        <translation>危险化学品企业一张图一张表，%1</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LayoutDesigner</name>
    <message>
        <source>Print Layout — %1</source>
        <translation>打印布局 — %1</translation>
    </message>
    <message>
        <source>Item Properties</source>
        <translation>元素属性</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Fit Page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save to Project…</source>
        <translation>保存到项目(&amp;S)…</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>The printer cannot be opened</source>
        <translation>无法打开打印机</translation>
    </message>
    <message>
        <source>Save print layout %1</source>
        <translation>保存打印布局 %1</translation>
    </message>
    <message>
        <source>Export layout</source>
        <translation>导出布局</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;PNG images (*.png);;SVG drawings (*.svg);;TIFF images (*.tif)</source>
        <translation>PDF 文档 (*.pdf);;PNG 图像 (*.png);;SVG 图形 (*.svg);;TIFF 图像 (*.tif)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Save layout to project</source>
        <translation>将布局保存到项目</translation>
    </message>
    <message>
        <source>Layout name:</source>
        <translation>布局名称：</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Layout %1 saved in the project</source>
        <translation>布局 %1 已保存到项目</translation>
    </message>
    <message>
        <source>Export &amp;Atlas…</source>
        <translation>导出图集(&amp;A)…</translation>
    </message>
    <message>
        <source>No atlas: choose a coverage layer first</source>
        <translation>没有图集：请先选择覆盖图层</translation>
    </message>
    <message>
        <source>Export atlas</source>
        <translation>导出图集</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting atlas…</source>
        <translation>正在导出图集…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) failed:</source>
        <translation>
            <numerusform>%n 页导出失败：</numerusform>
        </translation>
    </message>
    <message>
        <source>Canceled: no atlas file was written</source>
        <translation>已取消：未写入图集文件</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::LayoutDocument</name>
    <message>
        <source>Resize item</source>
        <translation>调整元素大小</translation>
    </message>
    <message>
        <source>Move item</source>
        <translation>移动元素</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::MainWindow</name>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>量算</translation>
    </message>
    <message>
        <source>Measure distance and area on the ellipsoid (right click ends, Esc clears)</source>
        <translation>在椭球面上量算距离和面积（右键结束，Esc 清除）</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) identified</source>
        <translation>
            <numerusform>识别到 %n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Identify Results</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Zoom to Rectangle</source>
        <translation>拉框缩放</translation>
    </message>
    <message>
        <source>Identify Features</source>
        <translation>识别要素</translation>
    </message>
    <message>
        <source>Select by Rectangle</source>
        <translation>拉框选择</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom Full</source>
        <translation>全图显示</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Previous View</source>
        <translation>上一视图</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Next View</source>
        <translation>下一视图</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>Zoom to Layer</source>
        <translation>缩放至图层</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>缩放至所选要素</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Layer &amp;Properties…</source>
        <translation>图层属性(&amp;P)…</translation>
    </message>
    <message>
        <source>Open &amp;Attribute Table</source>
        <translation>打开属性表(&amp;A)</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>&amp;Remove Layer</source>
        <translation>移除图层(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Refuge</source>
        <translation>关于 Refuge(&amp;A)</translation>
    </message>
    <message>
        <source>About Refuge</source>
        <translation>关于 Refuge</translation>
    </message>
    <message>
        <source>&lt;b&gt;Refuge&lt;/b&gt; %1&lt;br&gt;Emergency shelter and fire coverage planning.</source>
        <translation>&lt;b&gt;Refuge&lt;/b&gt; %1&lt;br&gt;应急避难场所与消防覆盖规划。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>图层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Map Navigation</source>
        <translation>地图导航</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>情景(&amp;S)</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::MapStatusBar</name>
    <message>
        <source>Cursor position in the project CRS</source>
        <translation>光标在项目坐标系中的位置</translation>
    </message>
    <message>
        <source>Cursor position as longitude, latitude (WGS 84)</source>
        <translation>光标的经纬度（WGS 84）</translation>
    </message>
    <message>
        <source>Map scale — type 1:N or choose one</source>
        <translation>地图比例尺——输入 1:N 或从列表选择</translation>
    </message>
    <message>
        <source>Project coordinate reference system — click to change</source>
        <translation>项目坐标系 — 单击可修改</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <source>Rendered in %1 ms</source>
        <translation>绘制用时 %1 毫秒</translation>
    </message>
    <message>
        <source>No CRS</source>
        <translation>无坐标系</translation>
    </message>
    <message>
        <source>No coordinate reference system</source>
        <translation>未设置坐标系</translation>
    </message>
    <message>
        <source>Scale 1:%L1</source>
        <translation>比例尺 1:%L1</translation>
    </message>
    <message>
        <source>lon %1° lat %2°</source>
        <translation>经度 %1° 纬度 %2°</translation>
    </message>
    <message>
        <source>outside the CRS</source>
        <translation>超出坐标系范围</translation>
    </message>
    <message>
        <source>Project CRS</source>
        <translation>项目坐标系</translation>
    </message>
    <message>
        <source>Coordinate reference system (e.g. EPSG:32651, EPSG:4490, EPSG:26986):</source>
        <translation>坐标系（例如 EPSG:32651、EPSG:4490、EPSG:26986）：</translation>
    </message>
    <message>
        <source>WGS 84 (longitude/latitude)</source>
        <translation>WGS 84（经纬度）</translation>
    </message>
    <message>
        <source>CGCS2000 (China Geodetic Coordinate System 2000, longitude/latitude)</source>
        <translation>2000国家大地坐标系 CGCS2000（经纬度）</translation>
    </message>
    <message>
        <source>CGCS2000 / 3-degree Gauss-Kruger CM %1°E</source>
        <translation>CGCS2000 / 3度带高斯-克吕格投影 中央经线 %1°E</translation>
    </message>
    <message>
        <source>“%1” is not a usable CRS:
%2</source>
        <translation>“%1”不是可用的坐标系：
%2</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::MeasureTool</name>
    <message>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>%1 km²</source>
        <translation>%1 平方千米</translation>
    </message>
    <message>
        <source>%1 ha</source>
        <translation>%1 公顷</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 平方米</translation>
    </message>
    <message>
        <source>Click the next point; right click ends</source>
        <translation>单击下一个点；右键结束</translation>
    </message>
    <message>
        <source>Length %1</source>
        <translation>长度 %1</translation>
    </message>
    <message>
        <source> · Area %1</source>
        <translation> · 面积 %1</translation>
    </message>
    <message>
        <source> (ellipsoidal, WGS 84)</source>
        <translation>（椭球面，WGS 84）</translation>
    </message>
    <message>
        <source> (planar, map units)</source>
        <translation>（平面，地图单位）</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::MoveFacilityTool</name>
    <message>
        <source>Move %1 &apos;%2&apos;</source>
        <translation>移动%1“%2”</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ParameterEditor</name>
    <message>
        <source>default: %1 %2</source>
        <translation>默认：%1 %2</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>e.g. 5, 10, 15 (empty: the limit)</source>
        <translation>如 5, 10, 15（留空：即上限）</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ProjectController</name>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Recent Projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Refuge projects (*.refuge)</source>
        <translation>Refuge 项目 (*.refuge)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project “%1” has unsaved changes. Save them?</source>
        <translation>项目“%1”有未保存的更改，是否保存？</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Layers not drawn</source>
        <translation>图层未绘制</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) cannot be drawn:</source>
        <translation>
            <numerusform>%n 个图层无法绘制：</numerusform>
        </translation>
    </message>
    <message>
        <source>Relocate…</source>
        <translation>重新定位…</translation>
    </message>
    <message>
        <source>Locate the file of layer “%1”</source>
        <translation>查找图层“%1”的数据文件</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>Password for %1
(kept for this session only, never saved in the project)</source>
        <translation>%1 的密码
（仅在本次会话中保留，从不保存到项目中）</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ProjectDocument</name>
    <message>
        <source>Untitled project</source>
        <translation>未命名项目</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::RasterStyleWidget</name>
    <message>
        <source>Stretch to the data&apos;s minimum and maximum</source>
        <translation>按数据的最小值和最大值拉伸</translation>
    </message>
    <message>
        <source>Greyscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Pseudocolour</source>
        <translation>伪彩色</translation>
    </message>
    <message>
        <source>Render as:</source>
        <translation>渲染方式：</translation>
    </message>
    <message>
        <source>Band:</source>
        <translation>波段：</translation>
    </message>
    <message>
        <source>Colour ramp:</source>
        <translation>色带：</translation>
    </message>
    <message>
        <source>Minimum:</source>
        <translation>最小值：</translation>
    </message>
    <message>
        <source>Maximum:</source>
        <translation>最大值：</translation>
    </message>
    <message>
        <source>Own colours (RGB, palette)</source>
        <translation>自身颜色（RGB、调色板）</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ReportExportController</name>
    <message>
        <source>Export &amp;Report…</source>
        <translation>导出评估报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Write the reviewer&apos;s report (HTML and PDF) on analysis results</source>
        <translation>根据分析结果生成评审报告（HTML 和 PDF）</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出评估报告</translation>
    </message>
    <message>
        <source>The report could not be written.
%1</source>
        <translation>无法生成报告。
%1</translation>
    </message>
    <message>
        <source>Report written:
%1
%2

Open the PDF now?</source>
        <translation>报告已生成：
%1
%2

现在打开 PDF 吗？</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ReportExportDialog</name>
    <message>
        <source>Include maps</source>
        <translation>包含地图</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出评估报告</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Results folder:</source>
        <translation>结果文件夹：</translation>
    </message>
    <message>
        <source>Report folder:</source>
        <translation>报告文件夹：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Results folder</source>
        <translation>结果文件夹</translation>
    </message>
    <message>
        <source>Report folder</source>
        <translation>报告文件夹</translation>
    </message>
    <message>
        <source>Choose the folder with the analysis results.</source>
        <translation>请选择存放分析结果的文件夹。</translation>
    </message>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1: no complete analysis results (expected coverage/summary.json or fire/summary.json from a finished run)</source>
        <translation>%1：没有完整的分析结果（应有已完成运行的 coverage/summary.json 或 fire/summary.json）</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ResultTableModel</name>
    <message>
        <source>pass</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不达标</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ResultsDock</name>
    <message>
        <source>Siting</source>
        <translation>选址</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>分析结果</translation>
    </message>
    <message>
        <source>No results yet. Run an analysis from the Analysis menu.</source>
        <translation>尚无结果。请从“分析”菜单运行分析。</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>避难场所覆盖</translation>
    </message>
    <message>
        <source>Fire</source>
        <translation>消防覆盖</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::RoleDialog</name>
    <message>
        <source>Layer role</source>
        <translation>图层用途</translation>
    </message>
    <message>
        <source>What is &lt;b&gt;%1&lt;/b&gt;? The role tells the analyses how to use the layer.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 是什么数据？图层用途决定分析时如何使用该图层。</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>用途：</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ScenarioRunner</name>
    <message>
        <source>A scenario run is already in progress.</source>
        <translation>已有一个情景计算正在运行。</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ScenarioSession</name>
    <message>
        <source>New scenario &apos;%1&apos;</source>
        <translation>新建情景“%1”</translation>
    </message>
    <message>
        <source>Rename scenario &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>将情景“%1”重命名为“%2”</translation>
    </message>
    <message>
        <source>Delete scenario &apos;%1&apos;</source>
        <translation>删除情景“%1”</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ScenarioTool</name>
    <message>
        <source>shelter</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <source>fire station</source>
        <translation>消防站</translation>
    </message>
    <message>
        <source>Choose or create a scenario in the Scenarios panel first: the baseline is the project as it is.</source>
        <translation>请先在“情景”面板中选择或新建情景：基准即项目现状。</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ScenarioWorkbench</name>
    <message>
        <source>Add Shelter</source>
        <translation>添加避难场所</translation>
    </message>
    <message>
        <source>Add Fire Station</source>
        <translation>添加消防站</translation>
    </message>
    <message>
        <source>Move Facility</source>
        <translation>移动设施</translation>
    </message>
    <message>
        <source>Delete / Restore Facility</source>
        <translation>删除/恢复设施</translation>
    </message>
    <message>
        <source>Edit Capacity</source>
        <translation>编辑容量</translation>
    </message>
    <message>
        <source>What-if edit of the active scenario (the source files are not changed)</source>
        <translation>编辑当前情景（不修改源数据文件）</translation>
    </message>
    <message>
        <source>New Scenario from Chosen Sites</source>
        <translation>由选址结果新建情景</translation>
    </message>
    <message>
        <source>A scenario adding the latest siting run&apos;s chosen sites as shelters</source>
        <translation>新建情景，将最近一次选址选中的新址作为避难场所加入</translation>
    </message>
    <message>
        <source>No chosen sites: run Analysis → Siting of new facilities first (its &quot;Chosen new sites&quot; layer).</source>
        <translation>没有选中的新址：请先运行“分析 → 新设施选址”（其“选中的新址”图层）。</translation>
    </message>
    <message>
        <source>Chosen sites (%1)</source>
        <translation>选址结果（%1 处）</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::ScenariosPanel</name>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Run coverage under this scenario</source>
        <translation>按此情景计算覆盖</translation>
    </message>
    <message>
        <source>Compare with baseline</source>
        <translation>与基准对比</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Baseline (the project as it is)</source>
        <translation>基准（项目现状）</translation>
    </message>
    <message>
        <source>The baseline is the project as it is. Create or choose a scenario to edit shelters and fire stations.</source>
        <translation>基准即项目现状。新建或选择情景后即可编辑避难场所和消防站。</translation>
    </message>
    <message>
        <source>%1 added, %2 moved, %3 deleted, %4 capacity changes.</source>
        <translation>新增 %1 个，移动 %2 个，删除 %3 个，容量修改 %4 处。</translation>
    </message>
    <message>
        <source>With hazard rules.</source>
        <translation>含灾害规则。</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>新建情景</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>假设情景</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be used: the name is empty, taken or reserved (baseline).</source>
        <translation>“%1”不可用：名称为空、已被使用或为保留名称（baseline）。</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>重命名情景</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>删除情景</translation>
    </message>
    <message>
        <source>Delete the scenario &apos;%1&apos; and its edits? (Undo brings it back.)</source>
        <translation>删除情景“%1”及其编辑？（可撤销恢复。）</translation>
    </message>
    <message>
        <source>Coverage under &apos;%1&apos;</source>
        <translation>情景“%1”下的覆盖</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>&apos;%1&apos; compared with the baseline</source>
        <translation>“%1”与基准对比</translation>
    </message>
    <message>
        <source>%1: running…</source>
        <translation>%1：正在计算…</translation>
    </message>
    <message>
        <source>%1: updated in %2 s.</source>
        <translation>%1：已更新，用时 %2 秒。</translation>
    </message>
    <message>
        <source>%1: canceled.</source>
        <translation>%1：已取消。</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>A new language applies after Refuge is restarted.</source>
        <translation>新的界面语言将在重启 Refuge 后生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Restart Refuge to use the new language.</source>
        <translation>请重启 Refuge 以使用新的界面语言。</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::SitingResultsView</name>
    <message>
        <source>, stopped: best solution found (heuristic start included)</source>
        <translation>，已停止：给出找到的最优解（含启发式初始解）</translation>
    </message>
    <message>
        <source>, proven infeasible: heuristic solution given</source>
        <translation>，已证明无可行解：给出启发式解</translation>
    </message>
    <message>
        <source>heuristic (greedy + Teitz-Bart swap)</source>
        <translation>启发式（贪心 + Teitz-Bart 交换）</translation>
    </message>
    <message>
        <source>existing sites only</source>
        <translation>仅现有设施</translation>
    </message>
    <message>
        <source>exact (CBC)</source>
        <translation>精确求解（CBC）</translation>
    </message>
    <message>
        <source>New sites</source>
        <translation>新增站点</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>People covered</source>
        <translation>覆盖人口</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Solver</source>
        <translation>求解器</translation>
    </message>
    <message>
        <source>%1: %2 new sites, people covered %3 of %4; solver %5</source>
        <translation>%1：新增 %2 个站点，覆盖 %4 人中的 %3 人；求解器 %5</translation>
    </message>
    <message>
        <source>New sites (k)</source>
        <translation>新增站点数（k）</translation>
    </message>
    <message>
        <source>What each additional site buys</source>
        <translation>每增加一个站点的效益</translation>
    </message>
</context>
<context>
    <name>refuge::desktop::SymbologyWidget</name>
    <message>
        <source>Single symbol</source>
        <translation>单一符号</translation>
    </message>
    <message>
        <source>Categorized</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点 (Jenks)</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Quantile (equal count)</source>
        <translation>分位数（等数量）</translation>
    </message>
    <message>
        <source>risk (5 classes: high … low)</source>
        <translation>风险（5 级：高 … 低）</translation>
    </message>
    <message>
        <source>(fixed size)</source>
        <translation>（固定大小）</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <source>Solid</source>
        <translation>实线</translation>
    </message>
    <message>
        <source>Dashed</source>
        <translation>虚线</translation>
    </message>
    <message>
        <source>Dotted</source>
        <translation>点线</translation>
    </message>
    <message>
        <source>Dash-dot</source>
        <translation>点划线</translation>
    </message>
    <message>
        <source>No line</source>
        <translation>无线条</translation>
    </message>
    <message>
        <source>No hatch</source>
        <translation>无填充线</translation>
    </message>
    <message>
        <source>Horizontal</source>
        <translation>水平线</translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation>竖直线</translation>
    </message>
    <message>
        <source>Cross</source>
        <translation>十字</translation>
    </message>
    <message>
        <source>Diagonal /</source>
        <translation>斜线 /</translation>
    </message>
    <message>
        <source>Diagonal \</source>
        <translation>斜线 \</translation>
    </message>
    <message>
        <source>Diagonal cross</source>
        <translation>斜十字</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>方形</translation>
    </message>
    <message>
        <source>Triangle</source>
        <translation>三角形</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>星形</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>菱形</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Fill:</source>
        <translation>填充：</translation>
    </message>
    <message>
        <source>Hatch:</source>
        <translation>填充线：</translation>
    </message>
    <message>
        <source>Line / outline:</source>
        <translation>线 / 轮廓：</translation>
    </message>
    <message>
        <source>Line width:</source>
        <translation>线宽：</translation>
    </message>
    <message>
        <source>Line style:</source>
        <translation>线型：</translation>
    </message>
    <message>
        <source>Marker:</source>
        <translation>点符号：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Size by field:</source>
        <translation>按字段定大小：</translation>
    </message>
    <message>
        <source>Smallest / largest:</source>
        <translation>最小 / 最大：</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>分级/分类</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>级数：</translation>
    </message>
    <message>
        <source>Colour ramp:</source>
        <translation>色带：</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Value / range</source>
        <translation>值 / 范围</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>图例标签</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>样式：</translation>
    </message>
    <message>
        <source>Reds</source>
        <translation>红色系</translation>
    </message>
    <message>
        <source>Blues</source>
        <translation>蓝色系</translation>
    </message>
    <message>
        <source>Greens</source>
        <translation>绿色系</translation>
    </message>
    <message>
        <source>Oranges</source>
        <translation>橙色系</translation>
    </message>
    <message>
        <source>Greys</source>
        <translation>灰色系</translation>
    </message>
    <message>
        <source>Viridis (blue – green – yellow)</source>
        <translation>蓝—绿—黄渐变</translation>
    </message>
    <message>
        <source>Spectral</source>
        <translation>光谱色</translation>
    </message>
    <message>
        <source>Yellow to red</source>
        <translation>黄—红渐变</translation>
    </message>
    <message>
        <source>Categorical (distinct colours)</source>
        <translation>分类色（各类不同颜色）</translation>
    </message>
</context>
</TS>
